package io.firebreak.statuspage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.schemas.sensitive.SecretKind;
import org.junit.jupiter.api.Test;

class PublicTextTest {

    @Test
    void withholdsTextThatCarriesASecret() {
        PublicText.Screened screened = PublicText.screen("Refund failed for card 4111 1111 1111 1111");
        assertThat(screened.withheld()).isTrue();
        assertThat(screened.withheldFor()).isEqualTo(SecretKind.CARD);
        assertThat(screened.publishable()).isEmpty();
    }

    @Test
    void publishesOrdinaryTextUnchanged() {
        assertThat(PublicText.screen("Card payments fail at checkout").publishable())
                .contains("Card payments fail at checkout");
        assertThat(PublicText.screen(null).publishable()).isEmpty();
        assertThat(PublicText.screen(null).withheld()).isFalse();
    }

    @Test
    void redactsSecretsInTextAlreadyStored() {
        assertThat(PublicText.redact("card 4111 1111 1111 1111 declined")).doesNotContain("4111")
                .startsWith("card ").endsWith(" declined");
        assertThat(PublicText.redact(null)).isNull();
    }

    @Test
    void redactsCustomersContactDetailsButKeepsTheText() {
        String text = "Customers report failures; contact jane.doe@example.com or +44 20 7946 0958";
        assertThat(PublicText.screen(text).publishable()).hasValueSatisfying(published -> assertThat(published)
                .startsWith("Customers report failures; contact ")
                .doesNotContain("jane.doe@example.com", "7946 0958"));
        assertThat(PublicText.redact(text)).doesNotContain("jane.doe@example.com", "7946 0958");
    }

    @Test
    void redactedTextIsNotWithheldWhenScreenedAgain() {
        String stored = PublicText.redact("rotated password=hunter2 for jane.doe@example.com");
        assertThat(stored).doesNotContain("hunter2", "jane.doe@example.com");
        assertThat(PublicText.screen(stored).withheld()).isFalse();
    }
}
