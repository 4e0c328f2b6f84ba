package io.firebreak.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageNoticeTest {

    final PageNotice checkout = new PageNotice("p1", "i1", "ana", "INC-7", "Checkout down", "CRITICAL", 1,
            URI.create("https://slack.com/app_redirect?channel=C1"), null);
    final PageNotice search = new PageNotice("p2", "i2", "ana", "INC-8", "Search slow", "MINOR", 0, null,
            URI.create("https://firebreak.example/ack/abc"));

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
    void aBundleNamesEveryPageInOneMessage() {
        assertThat(PageNotice.sms(List.of(checkout, search))).startsWith("Firebreak: 2 pages: ")
                .contains("INC-7 Checkout down", "INC-8 Search slow", "https://firebreak.example/ack/abc");
        assertThat(PageNotice.speech(List.of(checkout, search))).contains("You have 2 pages", "Critical incident INC 7",
                "Minor incident INC 8").doesNotContain("http");
    }
}
