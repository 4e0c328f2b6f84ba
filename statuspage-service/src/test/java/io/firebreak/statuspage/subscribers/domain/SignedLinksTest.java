package io.firebreak.statuspage.subscribers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignedLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-26T14:02:00Z");
    private final SignedLinks links = new SignedLinks("key", Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(48));

    @Test
    void aConfirmLinkNamesItsSubscriberForFortyEightHours() {
        String token = links.token(LinkPurpose.CONFIRM, "sub-1");
        assertThat(links.verify(LinkPurpose.CONFIRM, token)).contains("sub-1");
        SignedLinks twoDaysLater = new SignedLinks("key",
                Clock.fixed(NOW.plus(Duration.ofHours(48)).plusSeconds(1), ZoneOffset.UTC), Duration.ofHours(48));
        assertThat(twoDaysLater.verify(LinkPurpose.CONFIRM, token)).isEmpty();
    }

    @Test
    void anUnsubscribeLinkNeverExpires() {
        String token = links.token(LinkPurpose.UNSUBSCRIBE, "sub-1");
        SignedLinks aYearLater = new SignedLinks("key", Clock.fixed(NOW.plus(Duration.ofDays(365)), ZoneOffset.UTC),
                Duration.ofHours(48));
        assertThat(aYearLater.verify(LinkPurpose.UNSUBSCRIBE, token)).contains("sub-1");
    }

    @Test
    void rejectsAnotherPurposeAnotherKeyAndTamperedOrMalformedTokens() {
        String token = links.token(LinkPurpose.UNSUBSCRIBE, "sub-1");
        assertThat(links.verify(LinkPurpose.CONFIRM, token)).isEmpty();
        assertThat(new SignedLinks("other", Clock.systemUTC(), Duration.ofHours(48))
                .verify(LinkPurpose.UNSUBSCRIBE, token)).isEmpty();
        String tampered = links.token(LinkPurpose.UNSUBSCRIBE, "sub-2").split("\\.")[0] + "." + token.split("\\.")[1];
        assertThat(links.verify(LinkPurpose.UNSUBSCRIBE, tampered)).isEmpty();
        for (String bad : new String[] {null, "", ".", "abc", "a.b.c", "%%%.00", "x".repeat(600)}) {
            assertThat(links.verify(LinkPurpose.UNSUBSCRIBE, bad)).isEmpty();
        }
    }
}
