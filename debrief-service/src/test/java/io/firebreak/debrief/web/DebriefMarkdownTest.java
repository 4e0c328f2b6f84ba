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
    void marksADrillAndShowsTheTypeAndTheContainmentChecklistAfterTheTimeline() {
        IncidentRecord drill = new IncidentRecord("i-2", "INC-2", "Card data may have leaked", "", "CRITICAL", "SEV1",
                "RESOLVED", true, "checkout", "drill-2", Map.of(), "keys rotated", null, null, DECLARED, null, null,
                null, DECLARED.plusSeconds(900), null, null, null, "SECURITY", true, "A leaked API key",
                DECLARED.plusSeconds(360), DECLARED.plusSeconds(240));
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(1L, DECLARED.plusSeconds(120), "u-ana", "Ana Lead", "HUMAN", "CONTAINMENT_STEP",
                        "Containment: Deploy rollback — not contained", "e-1",
                        new TimelineEntry.Containment("DEPLOY_ROLLBACK", "NOT_CONTAINED", "")),
                new TimelineEntry(2L, DECLARED.plusSeconds(240), "u-bob", "Bob", "HUMAN", "CONTAINMENT_STEP",
                        "Containment: Feature flag off — contained: mailer off", "e-2",
                        new TimelineEntry.Containment("FEATURE_FLAG_OFF", "CONTAINED", "mailer off")),
                new TimelineEntry(3L, DECLARED.plusSeconds(360), "u-bob", "Bob", "HUMAN", "IDENTIFIED",
                        "Identified: A leaked API key", "e-3", null));
        DebriefMarkdown markdown = new DebriefMarkdown("http://status.test");
        var sections = markdown.sections(DebriefForm.FULL, drill, timeline, List.of(), Map.of());

        String document = markdown.document(DebriefForm.FULL, "due", null, drill, sections,
                DebriefMarkdown.containment(timeline));

        assertThat(document).startsWith("# DRILL — Incident debrief: INC-2 — Card data may have leaked")
                .contains("A drill, not an incident: left out of the metrics.").contains("type: security")
                .contains("- Type: Security").contains("- Cause: A leaked API key")
                .contains("- Identified: 2026-11-20 10:06 UTC (+6 min)").contains("- Contained: 2026-11-20 10:04 UTC");
        String containment = document.substring(document.indexOf("## Containment"), document.indexOf("## Contributors"));
        assertThat(containment.lines().filter(line -> line.startsWith("- ["))).containsExactly(
                "- [x] Turn the feature off — contained", "- [ ] Roll back the deploy — not contained",
                "- [ ] Roll back the migration — not recorded", "- [ ] Correct the data — not recorded");
        assertThat(containment).contains("  - `2026-11-20 10:04 UTC` contained: mailer off _(Bob)_")
                .contains("Contained 2026-11-20 10:04 UTC (+4 min after declaration).")
                .contains("Identified 2026-11-20 10:06 UTC (+6 min after declaration): A leaked API key");
        assertThat(document.indexOf("## Timeline")).isLessThan(document.indexOf("## Containment"));
    }

    @Test
    void redactsCustomersContactDetailsQuotedInUpdatesButKeepsNotesAsWritten() {
        IncidentRecord incident = new IncidentRecord("i-1", "INC-1", "Checkout fails", "", "MAJOR", "P2", "RESOLVED",
                true, "checkout", "inc-1", Map.of(), "rolled back", null, null, DECLARED, null, null, null,
                DECLARED.plusSeconds(600), null, null, null, "ENGINEERING", false, null, null, null);
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(0L, DECLARED, "u-ana", "Ana Lead", "HUMAN", "UPDATE",
                        "Customer update: jane.doe@example.com and +44 20 7946 0958 reported failed payments", "e-1",
                        null),
                new TimelineEntry(1L, DECLARED.plusSeconds(60), "u-ana", "Ana Lead", "HUMAN", "DECISION",
                        "Roll back release 2026.11.24-3", "e-2", null));

        String markdown = new DebriefMarkdown("http://status.test").sections(DebriefForm.SHORT, incident, timeline,
                List.of(), Map.of()).stream().filter(s -> s.id().equals("timeline")).findFirst().orElseThrow().text();

        assertThat(markdown).doesNotContain("jane.doe@example.com").doesNotContain("7946 0958")
                .contains("[REDACTED:email]").contains("reported failed payments")
                .contains("Roll back release 2026.11.24-3");
    }
}
