package io.firebreak.notification.pagerduty;

import io.firebreak.notification.config.NotificationProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * PagerDuty webhook v3 signatures: {@code X-PagerDuty-Signature} holds one or more comma-separated {@code v1=<hex>}
 * values (several while a secret is rotated), each the HMAC-SHA256 of the raw request body under a signing secret;
 * the delivery is authentic when any {@code v1} value matches ours, compared in constant time. Without a configured
 * secret nothing verifies.
 */
@Component
public class WebhookSignatures {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSignatures(NotificationProperties properties) {
        String secret = properties.pagerdutyWebhooks().secret();
        this.key = secret == null || secret.isBlank() ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public boolean configured() {
        return key != null;
    }

    /** Whether any v1 signature in the header is the HMAC of exactly these bytes. */
    public boolean verify(byte[] body, String header) {
        if (key == null || header == null || header.isBlank() || body == null) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(body)).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String part : header.split(",")) {
            String signature = part.strip();
            if (signature.startsWith("v1=")) {
                byte[] given = signature.substring(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
                // every candidate is compared, so the time taken does not tell which one matched
                match |= MessageDigest.isEqual(expected, given);
            }
        }
        return match;
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
