package io.firebreak.notification.pagerduty;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.support.security.HmacSha256;
import org.springframework.stereotype.Component;

/**
 * PagerDuty webhook v3 signatures: {@code X-PagerDuty-Signature} holds one or more comma-separated {@code v1=<hex>}
 * values (several while a secret is rotated), each the HMAC-SHA256 of the raw request body under a signing secret;
 * the delivery is authentic when any {@code v1} value matches ours, compared in constant time. Without a configured
 * secret nothing verifies.
 */
@Component
public class WebhookSignatures {

    private final HmacSha256 key;

    public WebhookSignatures(NotificationProperties properties) {
        this.key = HmacSha256.ofSecret(properties.pagerdutyWebhooks().secret());
    }

    public boolean configured() {
        return key != null;
    }

    /** Whether any v1 signature in the header is the HMAC of exactly these bytes. */
    public boolean verify(byte[] body, String header) {
        if (key == null || header == null || header.isBlank() || body == null) {
            return false;
        }
        byte[] expected = key.hex(body);
        boolean match = false;
        for (String part : header.split(",")) {
            String signature = part.strip();
            if (signature.startsWith("v1=")) {
                // every candidate is compared, so the time taken does not tell which one matched
                match |= HmacSha256.matches(expected, signature.substring(3));
            }
        }
        return match;
    }
}
