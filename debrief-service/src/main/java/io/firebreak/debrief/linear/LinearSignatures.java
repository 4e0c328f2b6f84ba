package io.firebreak.debrief.linear;

import io.firebreak.debrief.config.DebriefProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Linear webhook signatures: {@code Linear-Signature} is the hex HMAC-SHA256 of the raw body under the webhook's
 * signing secret, compared in constant time. Without a configured secret nothing verifies.
 */
@Component
public class LinearSignatures {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public LinearSignatures(DebriefProperties properties) {
        String secret = properties.getLinear().getWebhookSecret();
        this.key = secret == null || secret.isBlank() ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public boolean configured() {
        return key != null;
    }

    public boolean verify(byte[] body, String header) {
        if (key == null || header == null || header.isBlank() || body == null) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
