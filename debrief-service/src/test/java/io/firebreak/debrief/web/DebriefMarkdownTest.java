package io.firebreak.debrief.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.debrief.domain.DebriefForm;
import io.firebreak.debrief.readmodel.IncidentRecord;
import io.firebreak.debrief.readmodel.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebriefMarkdownTest {

    static final Instant DECLARED = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void redactsCustomersContactDetailsQuotedInUpdatesButKeepsNotesAsWritten() {
        IncidentRecord incident = new IncidentRecord("i-1", "INC-1", "Checkout fails", "", "MAJOR", "P2", "RESOLVED",
                true, "checkout", "inc-1", Map.of(), "rolled back", null, null, DECLARED, null, null, null,
                DECLARED.plusSeconds(600), null, null, null);
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(0L, DECLARED, "u-ana", "Ana Lead", "HUMAN", "UPDATE",
                        "Customer update: jane.doe@example.com and +44 20 7946 0958 reported failed payments", "e-1"),
                new TimelineEntry(1L, DECLARED.plusSeconds(60), "u-ana", "Ana Lead", "HUMAN", "DECISION",
                        "Roll back release 2026.11.24-3", "e-2"));

        String markdown = new DebriefMarkdown("http://status.test").sections(DebriefForm.SHORT, incident, timeline,
                List.of(), Map.of()).stream().filter(s -> s.id().equals("timeline")).findFirst().orElseThrow().text();

        assertThat(markdown).doesNotContain("jane.doe@example.com").doesNotContain("7946 0958")
                .contains("[REDACTED:email]").contains("reported failed payments")
                .contains("Roll back release 2026.11.24-3");
    }
}
