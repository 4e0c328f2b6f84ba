package io.firebreak.notification.acklink;

import io.firebreak.notification.config.NotificationProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring acknowledge links that work from a phone without a token: {@code <public-url>/ack/<token>}, where
 * the token is {@code base64url(page, person, expiry, nonce)} and {@code base64url(HMAC-SHA256)} of it joined by a
 * dot. The key is shared by every instance, so it is configuration ({@code FIREBREAK_ACK_LINK_SECRET}) and never
 * generated at start: a link issued by one instance must verify on another. Single use is enforced where the link is
 * redeemed (the nonce is recorded), not here. Tokens are credentials: never log them.
 */
@Component
public class AckLinks implements AckLinkIssuer {

    /** The link route; the token is its only variable. */
    public static final String PATH = "/ack/{token}";

    static final int MIN_SECRET_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String CONTEXT = "firebreak-ack-link-v1\n";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration ttl;
    private final String publicUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AckLinks(NotificationProperties properties, Clock clock) {
        String secret = properties.ackLink().secret();
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("firebreak.notification.ack-link.secret (FIREBREAK_ACK_LINK_SECRET) must be"
                    + " set to at least " + MIN_SECRET_LENGTH + " characters, the same on every instance: it signs"
                    + " the acknowledge links in pages");
        }
        if (properties.ackLink().ttl().isNegative() || properties.ackLink().ttl().isZero()) {
            throw new IllegalStateException("firebreak.notification.ack-link.ttl must be positive");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.ttl = properties.ackLink().ttl();
        String base = properties.publicUrl();
        this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.clock = clock;
    }

    /** A link acknowledging {@code pageId} as {@code personId}, valid for the configured lifetime from now. */
    @Override
    public URI issue(String pageId, String personId) {
        if (pageId == null || pageId.isBlank() || personId == null || personId.isBlank()) {
            throw new IllegalArgumentException("a link needs a page and a person");
        }
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        Instant expiresAt = clock.instant().plus(ttl);
        String payload = B64.encodeToString(String.join("\n", pageId, personId,
                Long.toString(expiresAt.getEpochSecond()), B64.encodeToString(nonce)).getBytes(StandardCharsets.UTF_8));
        return URI.create(publicUrl + PATH.replace("{token}", payload + "." + B64.encodeToString(sign(payload))));
    }

    /** Checks the signature first (in constant time), then reads the link and compares its expiry with the clock. */
    public AckLinkCheck verify(String token) {
        if (token == null) {
            return new AckLinkCheck.Malformed();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new AckLinkCheck.Malformed();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        try {
            signature = B64_DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return new AckLinkCheck.Malformed();
        }
        if (signature.length != 32) {
            return new AckLinkCheck.Malformed();
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return new AckLinkCheck.BadSignature();
        }
        String[] parts;
        try {
            parts = new String(B64_DECODER.decode(payload), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException notBase64) {
            return new AckLinkCheck.Malformed();
        }
        if (parts.length != 4) {
            return new AckLinkCheck.Malformed();
        }
        AckLink link;
        try {
            link = new AckLink(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])), parts[3]);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return new AckLinkCheck.Malformed();
        }
        return clock.instant().isBefore(link.expiresAt()) ? new AckLinkCheck.Valid(link)
                : new AckLinkCheck.Expired(link);
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((CONTEXT + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
