package io.firebreak.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentSummaryTest {

    private static IncidentSummary summary(String title, String lead, IncidentSummary.LatestUpdate update) {
        return new IncidentSummary("i-1", "INC-7", title, "CRITICAL", "FIXING", "Card payments fail", true,
                List.of("checkout", "payments"), lead, null, List.of("Ivo"), update,
                "http://firebreak.test/api/v1/incidents/i-1", IncidentSummary.Kind.ENGINEERING,
                IncidentSummary.Progress.NONE);
    }

    private static IncidentSummary of(IncidentSummary.Kind kind, IncidentSummary.Progress progress) {
        return new IncidentSummary("i-1", "INC-7", "Card data in logs", "CRITICAL", "INVESTIGATING", "", false,
                List.of(), "Ana", null, List.of("Ivo", "Jo"), null, "http://firebreak.test/api/v1/incidents/i-1", kind,
                progress);
    }

    @Test
    void showsTheStatusPageOnlyOnceTheCommsOwnerPublishedOrHidIt() {
        IncidentSummary untouched = summary("Checkout down", "Ana", null);
        assertThat(untouched.fields()).noneMatch(field -> field.startsWith("*Status page:*"));
        IncidentSummary hidden = new IncidentSummary(untouched.incidentId(), untouched.reference(), untouched.title(),
                untouched.severity(), untouched.status(), untouched.summary(), untouched.customerImpact(),
                untouched.affectedServices(), untouched.lead(), untouched.commsOwner(), untouched.investigators(), null,
                untouched.link(), untouched.kind(), untouched.progress(), "HIDDEN");
        assertThat(hidden.fields()).endsWith("*Status page:*\nhidden");
    }

    @Test
    void showsTheRolesAndSaysWhoIsMissing() {
        assertThat(summary("Checkout down", "Ana", null).fields()).containsExactly("*Severity:*\nCritical",
                "*Status:*\nFixing", "*Type:*\nEngineering", "*Customer impact:*\nyes · checkout, payments", "*Lead:*\nAna",
                "*Comms owner:*\nnot assigned yet", "*Investigator:*\nIvo");
    }

    @Test
    void showsTheLatestUpdatesAnswersAndWhenTheNextIsDue() {
        IncidentSummary s = summary("Checkout down", null, new IncidentSummary.LatestUpdate("CUSTOMER", "Payments fail",
                null, "Rolling back", Instant.parse("2026-11-25T14:30:00Z"), Instant.parse("2026-11-25T14:00:00Z")));
        assertThat(s.latest()).contains("*Latest update* (customer, 14:00 UTC)", "*What is happening:* Payments fail",
                "*What we are doing:* Rolling back", "*Next update:* due by 14:30 UTC").doesNotContain("Who is affected");
        assertThat(summary("x", null, null).latest()).startsWith("*Latest update:* none yet");
        assertThat(s.fallbackText()).isEqualTo(":rotating_light: INC-7: Checkout down · Critical · Fixing · Lead: not assigned yet");
    }

    @Test
    void aDrillAndASecurityIncidentSaySoInTheHeadlineTheFallbackAndTheType() {
        IncidentSummary s = of(new IncidentSummary.Kind(true, "SECURITY", List.of("CARD_DATA", "KEYS")),
                IncidentSummary.Progress.NONE);
        assertThat(s.headline()).startsWith(":test_tube: DRILL · :lock: SECURITY · :rotating_light: INC-7");
        assertThat(s.fallbackText()).startsWith(":test_tube: DRILL · :lock: SECURITY · ");
        assertThat(s.fields()).contains("*Type:*\nSecurity · drill · suspected exposure: card data, keys",
                "*Investigators:*\nIvo, Jo");
    }

    @Test
    void showsTheContainmentChecklistInOrderTheIdentifiedCauseAndTheCall() {
        Instant at = Instant.parse("2026-11-25T14:05:00Z");
        IncidentSummary s = of(IncidentSummary.Kind.ENGINEERING, new IncidentSummary.Progress(List.of(
                new IncidentSummary.Step(ContainmentLever.DEPLOY_ROLLBACK, ContainmentOutcome.NOT_CONTAINED, "", at),
                new IncidentSummary.Step(ContainmentLever.FEATURE_FLAG_OFF, ContainmentOutcome.NOT_APPLICABLE,
                        "no flag guards it", at),
                new IncidentSummary.Step(ContainmentLever.DEPLOY_ROLLBACK, ContainmentOutcome.CONTAINED,
                        "back on 41", at.plusSeconds(60))), "the retry loop", at, "https://meet.example.com/inc-7"));
        assertThat(s.containment().lines()).containsExactly("*Containment* (levers in order)",
                ":heavy_minus_sign: Feature flag off: does not apply (14:05 UTC) — no flag guards it",
                ":white_check_mark: Deploy rollback: contained (14:06 UTC) — back on 41",
                ":white_circle: Migration rollback: not tried yet", ":white_circle: Data correction: not tried yet",
                "*Identified:* the retry loop (14:05 UTC)");
        assertThat(s.bridgeLink()).isEqualTo("https://meet.example.com/inc-7");
        assertThat(s.links()).contains("<https://meet.example.com/inc-7|Join the call>");
        assertThat(of(IncidentSummary.Kind.ENGINEERING, IncidentSummary.Progress.NONE).containment())
                .endsWith("*Identified:* not yet");
    }

    @Test
    void aBridgeSlackCannotLinkIsNotLinked() {
        for (String url : List.of("http://meet.example.com/x", "https://meet.example.com/a|b", "javascript:alert(1)",
                "https://" + "a".repeat(3000) + ".example")) {
            IncidentSummary s = of(IncidentSummary.Kind.ENGINEERING, new IncidentSummary.Progress(List.of(), null,
                    null, url));
            assertThat(s.bridgeLink()).as(url).isNull();
            assertThat(s.links()).as(url).doesNotContain("Join the call").contains("cannot be shown");
        }
    }

    @Test
    void cutsTextsToSlacksLimits() {
        IncidentSummary s = summary("t".repeat(500), "Ana", null);
        assertThat(s.headline()).hasSize(150).endsWith("…");
    }
}
