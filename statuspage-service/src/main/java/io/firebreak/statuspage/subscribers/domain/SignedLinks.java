package io.firebreak.statuspage.subscribers.domain;

import io.firebreak.support.security.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The tokens in confirm and unsubscribe links: {@code base64url(purpose.subscriberId.issuedEpochSeconds)} + "." +
 * hex HMAC-SHA256 of that part with the configured signing key. They name a subscriber row, never an address, so a
 * link forwarded or logged reveals no personal data. Confirm links expire ({@code confirmTtl}); unsubscribe links
 * work for as long as the subscription exists (RFC 8058 one-click).
 */
public final class SignedLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final HmacSha256 key;
    private final Clock clock;
    private final Duration confirmTtl;

    public SignedLinks(String signingKey, Clock clock, Duration confirmTtl) {
        if (signingKey == null || signingKey.isBlank()) {
            throw new IllegalStateException("firebreak.statuspage.subscribers.signing-key is not set");
        }
        this.key = HmacSha256.ofSecret(signingKey);
        this.clock = clock;
        this.confirmTtl = confirmTtl;
    }

    public String token(LinkPurpose purpose, String subscriberId) {
        String payload = ENCODER.encodeToString((purpose.name() + "." + subscriberId + "."
                + clock.instant().getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + new String(key.hex(payload.getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII);
    }

    /** The subscriber id a valid, unexpired token of this purpose names; empty for anything else. */
    public Optional<String> verify(LinkPurpose purpose, String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        if (!HmacSha256.matches(key.hex(payload.getBytes(StandardCharsets.US_ASCII)), token.substring(dot + 1))) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\.");
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (parts.length != 3 || !parts[0].equals(purpose.name())) {
            return Optional.empty();
        }
        if (purpose == LinkPurpose.CONFIRM) {
            try {
                Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
                if (issued.plus(confirmTtl).isBefore(clock.instant())) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(parts[1]);
    }
}
