package io.firebreak.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.notification.domain.IncidentMarks;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageNoticeTest {

    final PageNotice checkout = new PageNotice("p1", "i1", "ana", "INC-7", "Checkout down", "CRITICAL", 1,
            URI.create("https://slack.com/app_redirect?channel=C1"), null, null);
    final PageNotice search = new PageNotice("p2", "i2", "ana", "INC-8", "Search slow", "MINOR", 0, null,
            URI.create("https://firebreak.example/ack/abc"), IncidentMarks.NONE);
    final PageNotice drill = new PageNotice("p3", "i3", "ana", "INC-9", "Card data in logs", "CRITICAL", 1, null,
            null, new IncidentMarks(true, true));

    @Test
    void everyFormCarriesReferenceTitleSeverityAndTheWayToAcknowledge() {
        assertThat(checkout.subject()).isEqualTo("[Critical] INC-7 Checkout down");
        assertThat(checkout.body()).contains("INC-7 Checkout down", "Critical", "escalation level 1",
                "Incident channel: https://slack.com/app_redirect?channel=C1", "Acknowledge: POST /api/v1/pages/p1/ack");
        assertThat(PageNotice.sms(List.of(checkout))).contains("[Critical] INC-7 Checkout down",
                "https://slack.com/app_redirect?channel=C1", "/api/v1/pages/p1/ack");
        assertThat(search.body()).contains("paged by hand", "Acknowledge: https://firebreak.example/ack/abc")
                .doesNotContain("Incident channel");
    }

    @Test
    void aDrillAndASecurityIncidentAreMarkedInEveryForm() {
        assertThat(drill.subject()).isEqualTo("[DRILL] [SECURITY] [Critical] INC-9 Card data in logs");
        assertThat(drill.body()).startsWith("[DRILL] [SECURITY] You are paged for INC-9");
        assertThat(PageNotice.sms(List.of(drill))).contains("[DRILL] [SECURITY] [Critical] INC-9");
        assertThat(PageNotice.speech(List.of(drill))).contains("This is a drill. Security incident. Critical incident");
        assertThat(drill.forSlack().body()).as("the Slack outbox marks a drill's DM itself")
                .startsWith("[SECURITY] You are paged").doesNotContain("DRILL");
        assertThat(checkout.subject()).doesNotContain("[DRILL]");
    }

    @Test
    void aBundleNamesEveryPageInOneMessage() {
        assertThat(PageNotice.sms(List.of(checkout, search))).startsWith("Firebreak: 2 pages: ")
                .contains("INC-7 Checkout down", "INC-8 Search slow", "https://firebreak.example/ack/abc");
        assertThat(PageNotice.speech(List.of(checkout, search))).contains("You have 2 pages", "Critical incident INC 7",
                "Minor incident INC 8").doesNotContain("http");
    }
}
