package io.firebreak.statuspage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.incident.Severity;
import io.firebreak.statuspage.readmodel.StatusModelStore;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.statuspage.web.RenderedPages.Representation;
import io.firebreak.support.testing.IncidentStory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A re-render keeps the representation (and so the ETag, computed once) of every page whose bytes did not change,
 * and gives a changed page a new ETag.
 */
@StatusPageIntegrationTest
class RenderedPagesEtagIT {

    /** Pages whose bytes follow the incidents alone (summary.json dates never-changed components by the render). */
    private static final List<String> PATHS = List.of("/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
            "/history.atom");

    @Autowired
    WebTestClient client;

    @Autowired
    RenderedPages pages;

    @Autowired
    StatusModelStore store;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void anUnchangedPageKeepsItsRepresentationAndAChangedPageGetsANewEtag() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("Checkout is slow", Severity.CRITICAL, true, "api");
            String incidentPage = "/incidents/" + story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> pages.rendered(incidentPage).isPresent());
            Representation incident = pages.rendered(incidentPage).orElseThrow();
            List<Representation> before = PATHS.stream().map(path -> pages.rendered(path).orElseThrow()).toList();

            store.refresh();

            assertThat(pages.rendered(incidentPage)).containsSame(incident);
            for (int i = 0; i < PATHS.size(); i++) {
                assertThat(pages.rendered(PATHS.get(i))).as(PATHS.get(i)).containsSame(before.get(i));
            }

            story.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> !new String(pages.rendered(
                    "/api/v2/incidents/unresolved.json").orElseThrow().body()).contains(story.incidentId));
            Representation resolved = pages.rendered(incidentPage).orElseThrow();
            assertThat(resolved.etag()).isNotEqualTo(incident.etag());
            client.get().uri(incidentPage).exchange().expectStatus().isOk().expectHeader().valueEquals("ETag",
                    resolved.etag());
        }
    }
}
