package io.firebreak.statuspage.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.incident.Severity;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.support.testing.IncidentStory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The start-up re-derivation of public titles rewrites only the titles that changed: a stale derived title follows the
 * component map, a title set by hand stays, and a row whose title is already right is not written at all.
 */
@StatusPageIntegrationTest
class RetitleAllIT {

    @Autowired
    StatusProjection projection;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void onlyStaleDerivedTitlesAreWritten() {
        try (IncidentStory stale = new IncidentStory(broker.getBrokersAsString());
                IncidentStory current = new IncidentStory(broker.getBrokersAsString());
                IncidentStory byHand = new IncidentStory(broker.getBrokersAsString())) {
            stale.declared("Checkout is slow", Severity.CRITICAL, true, "api");
            current.declared("Checkout is slow again", Severity.CRITICAL, true, "api");
            byHand.declared("Checkout is slow once more", Severity.CRITICAL, true, "api");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM incident WHERE incident_id IN (?, ?, ?)", Integer.class,
                    stale.incidentId, current.incidentId, byHand.incidentId) == 3);
            projection.retitleAll();
            String derived = name(current.incidentId);
            jdbc.update("UPDATE incident SET name = 'An old generic title' WHERE incident_id = ?", stale.incidentId);
            jdbc.update("UPDATE incident SET name = 'Payments: chosen by hand', title_set_by_hand = TRUE"
                    + " WHERE incident_id = ?", byHand.incidentId);
            String currentRowVersion = rowVersion(current.incidentId);

            int changed = projection.retitleAll();

            assertThat(changed).as("the stale title, and any other test's").isPositive();
            assertThat(name(stale.incidentId)).isEqualTo(derived);
            assertThat(name(byHand.incidentId)).isEqualTo("Payments: chosen by hand");
            assertThat(rowVersion(current.incidentId)).as("a right title is not rewritten")
                    .isEqualTo(currentRowVersion);

            // the tests share one page: open Critical incidents would change what the others see
            stale.resolved();
            current.resolved();
            byHand.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM incident WHERE incident_id IN (?, ?, ?) AND status = 'RESOLVED'",
                    Integer.class, stale.incidentId, current.incidentId, byHand.incidentId) == 3);
        }
    }

    private String name(String incidentId) {
        return jdbc.queryForObject("SELECT name FROM incident WHERE incident_id = ?", String.class, incidentId);
    }

    /** PostgreSQL's xmin: the transaction that last wrote the row. */
    private String rowVersion(String incidentId) {
        return jdbc.queryForObject("SELECT xmin::text FROM incident WHERE incident_id = ?", String.class, incidentId);
    }
}
