package io.firebreak.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChannelNamesTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Test
    void slugsTheTitleAfterTheDate() {
        assertThat(ChannelNames.forTitle(DAY, "Checkout p99 elevated in eu-frankfurt!"))
                .isEqualTo("inc-2026-11-25-checkout-p99-elevated-in-eu-frankfurt");
    }

    @Test
    void foldsAccentsAndDropsEverythingElse() {
        assertThat(ChannelNames.forTitle(DAY, "Café — paiement échoué 🔥")).isEqualTo("inc-2026-11-25-cafe-paiement-echoue");
    }

    @Test
    void staysWithin80CharactersWithoutATrailingDash() {
        String name = ChannelNames.forTitle(DAY, "word ".repeat(40));
        assertThat(name).hasSizeLessThanOrEqualTo(80).matches("[a-z0-9-]+").doesNotEndWith("-");
        assertThat(ChannelNames.numbered(name, 12)).hasSizeLessThanOrEqualTo(80).endsWith("-12");
    }

    @Test
    void keepsTheDateWhenTheTitleHasNoLetters() {
        assertThat(ChannelNames.forTitle(DAY, "!!!")).isEqualTo("inc-2026-11-25");
    }

    @Test
    void startsADrillsChannelWithDrillWithinTheSameLimits() {
        assertThat(ChannelNames.forTitle(DAY, "Game day: checkout DB failover", true))
                .isEqualTo("drill-2026-11-25-game-day-checkout-db-failover");
        assertThat(ChannelNames.forTitle(DAY, "word ".repeat(40), true)).startsWith("drill-2026-11-25-word")
                .hasSizeLessThanOrEqualTo(80).matches("[a-z0-9-]+").doesNotEndWith("-");
    }
}
