package io.firebreak.debrief.linear;

import io.firebreak.debrief.config.DebriefProperties;
import io.firebreak.support.security.HmacSha256;
import org.springframework.stereotype.Component;

/**
 * Linear webhook signatures: {@code Linear-Signature} is the hex HMAC-SHA256 of the raw body under the webhook's
 * signing secret, compared in constant time. Without a configured secret nothing verifies.
 */
@Component
public class LinearSignatures {

    private final HmacSha256 key;

    public LinearSignatures(DebriefProperties properties) {
        this.key = HmacSha256.ofSecret(properties.getLinear().getWebhookSecret());
    }

    public boolean configured() {
        return key != null;
    }

    public boolean verify(byte[] body, String header) {
        if (key == null || header == null || header.isBlank() || body == null) {
            return false;
        }
        return HmacSha256.matches(key.hex(body), header);
    }
}
