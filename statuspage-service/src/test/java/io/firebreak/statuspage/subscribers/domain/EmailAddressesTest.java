package io.firebreak.statuspage.subscribers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void acceptsAddressesAndRefusesWhatCannotBeOne() {
        assertThat(EmailAddresses.valid("ana.lee+status@example.co.uk")).isTrue();
        for (String bad : new String[] {null, "", "ana", "ana@", "@example.com", "ana@example", "a b@example.com",
                "ana@@example.com", "ana@example.com\r\nBcc: x@example.com", "<ana@example.com>",
                "a".repeat(250) + "@example.com"}) {
            assertThat(EmailAddresses.valid(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void masksTheAddressAndNormalisesTheDomain() {
        assertThat(EmailAddresses.mask("ana.lee@example.com")).isEqualTo("a***@e***.com");
        assertThat(EmailAddresses.normalize(" Ana@Example.COM ")).isEqualTo("Ana@example.com");
    }
}
