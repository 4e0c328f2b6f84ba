package io.firebreak.notification.acklink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.notification.config.NotificationProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AckLinksTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String SECRET = "a-secret-long-enough-for-hmac-sha-256!";

    @Test
    void aLinkVerifiesUntilItExpires() {
        URI link = links(SECRET, NOW).issue("page-1", "avery");
        String token = token(link);
        assertThat(link.toString()).startsWith("https://oncall.example/ack/");
        assertThat(links(SECRET, NOW.plus(Duration.ofMinutes(59))).verify(token))
                .isEqualTo(new AckLinkCheck.Valid(((AckLinkCheck.Valid) links(SECRET, NOW).verify(token)).link()));
        AckLink read = ((AckLinkCheck.Valid) links(SECRET, NOW).verify(token)).link();
        assertThat(read.pageId()).isEqualTo("page-1");
        assertThat(read.personId()).isEqualTo("avery");
        assertThat(read.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(links(SECRET, NOW.plus(Duration.ofHours(1))).verify(token)).isInstanceOf(AckLinkCheck.Expired.class);
    }

    @Test
    void everyLinkHasItsOwnNonce() {
        AckLinks links = links(SECRET, NOW);
        assertThat(token(links.issue("page-1", "avery"))).isNotEqualTo(token(links.issue("page-1", "avery")));
    }

    @Test
    void aLinkSignedWithAnotherKeyOrAlteredIsRefused() {
        String token = token(links(SECRET, NOW).issue("page-1", "avery"));
        assertThat(links(SECRET + "x", NOW).verify(token)).isInstanceOf(AckLinkCheck.BadSignature.class);
        String payload = token.substring(0, token.indexOf('.'));
        String altered = (payload.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertThat(links(SECRET, NOW).verify(altered)).isInstanceOf(AckLinkCheck.BadSignature.class);
        assertThat(links(SECRET, NOW).verify("garbage")).isInstanceOf(AckLinkCheck.Malformed.class);
        assertThat(links(SECRET, NOW).verify(payload + ".%%%")).isInstanceOf(AckLinkCheck.Malformed.class);
        assertThat(links(SECRET, NOW).verify(payload + ".AAAA")).isInstanceOf(AckLinkCheck.Malformed.class);
    }

    @Test
    void refusesToStartWithoutASharedSecret() {
        assertThatThrownBy(() -> links("", NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FIREBREAK_ACK_LINK_SECRET");
        assertThatThrownBy(() -> links("short", NOW)).isInstanceOf(IllegalStateException.class);
    }

    private static String token(URI link) {
        return link.getRawPath().substring("/ack/".length());
    }

    private static AckLinks links(String secret, Instant now) {
        NotificationProperties properties = new NotificationProperties(null, null, null, "http://command", "", null, null,
                "https://oncall.example/", new NotificationProperties.AckLink(secret, Duration.ofHours(1)),
                new NotificationProperties.PagerDutyWebhooks("", Duration.ofMinutes(5)), null, null, null, null, null);
        return new AckLinks(properties, Clock.fixed(now, ZoneOffset.UTC));
    }
}
