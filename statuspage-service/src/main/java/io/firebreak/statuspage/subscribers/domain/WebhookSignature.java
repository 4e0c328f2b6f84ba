package io.firebreak.statuspage.subscribers.domain;

import io.firebreak.support.security.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The {@code X-Firebreak-Signature} header of a webhook delivery: {@code t=<unix seconds>,v1=<hex>} where hex is
 * HMAC-SHA256(secret, t + "." + body), the scheme Stripe uses, so a receiver can reject replays by the timestamp
 * and verify the exact bytes it received.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Firebreak-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, Instant now, byte[] body) {
        long t = now.getEpochSecond();
        byte[] prefix = (t + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "t=" + t + ",v1=" + new String(HmacSha256.ofSecret(secret).hex(signed), StandardCharsets.US_ASCII);
    }
}
