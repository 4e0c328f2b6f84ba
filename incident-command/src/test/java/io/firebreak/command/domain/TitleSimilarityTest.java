package io.firebreak.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleSimilarityTest {

    final TitleSimilarity rule = TitleSimilarity.defaults();

    @Test
    void titlesSharingHalfTheirWordsAreAlike() {
        assertThat(TitleSimilarity.similarity("Checkout p99 elevated", "Checkout latency elevated")).isEqualTo(0.5);
        assertThat(rule.alike("Checkout p99 elevated", "Checkout latency elevated")).isTrue();
    }

    @Test
    void caseAccentsPunctuationAndFillerWordsDoNotCount() {
        assertThat(rule.alike("Checkout is DOWN!", "checkout down")).isTrue();
        assertThat(rule.alike("Café payments failing", "cafe-payments failing")).isTrue();
    }

    @Test
    void titlesSharingOneWordOfFourAreNotAlike() {
        assertThat(rule.alike("Checkout down", "Checkout p99 elevated")).isFalse();
        assertThat(rule.alike("Search is slow", "Payments time out")).isFalse();
    }

    @Test
    void anEmptyTitleResemblesNothing() {
        assertThat(rule.alike("!!!", "!!!")).isFalse();
    }
}
