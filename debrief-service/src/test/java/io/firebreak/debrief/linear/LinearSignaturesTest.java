package io.firebreak.debrief.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.debrief.config.DebriefProperties;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LinearSignaturesTest {

    private static final byte[] BODY = "{\"action\":\"update\",\"type\":\"Issue\"}".getBytes(StandardCharsets.UTF_8);
    // HMAC-SHA256 of BODY under "secret", as Linear computes it (hex)
    private static final String SIGNATURE = hmacHex("secret", BODY);

    @Test
    void acceptsTheHexHmacOfTheRawBodyInAnyCase() {
        LinearSignatures signatures = new LinearSignatures(properties("secret"));
        assertThat(signatures.verify(BODY, SIGNATURE)).isTrue();
        assertThat(signatures.verify(BODY, SIGNATURE.toUpperCase())).isTrue();
    }

    @Test
    void refusesAnotherBodyAnotherSecretOrNoSignature() {
        LinearSignatures signatures = new LinearSignatures(properties("secret"));
        assertThat(signatures.verify("{}".getBytes(StandardCharsets.UTF_8), SIGNATURE)).isFalse();
        assertThat(new LinearSignatures(properties("other")).verify(BODY, SIGNATURE)).isFalse();
        assertThat(signatures.verify(BODY, null)).isFalse();
        assertThat(signatures.verify(BODY, "")).isFalse();
    }

    @Test
    void verifiesNothingWithoutASecret() {
        LinearSignatures signatures = new LinearSignatures(properties(""));
        assertThat(signatures.configured()).isFalse();
        assertThat(signatures.verify(BODY, hmacHex("x", BODY))).isFalse();
    }

    private static DebriefProperties properties(String secret) {
        DebriefProperties properties = new DebriefProperties();
        properties.getLinear().setWebhookSecret(secret);
        return properties;
    }

    private static String hmacHex(String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
