package io.firebreak.support.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook signing key: the hex HMAC-SHA256 of a raw request body, and a constant-time comparison of a signature a
 * sender gave (hex, any letter case) with ours. The services' webhook verifiers (PagerDuty v3, Linear) differ only in
 * how their header carries the signature.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private HmacSha256(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The key for a secret, or null when no secret is configured (then nothing verifies). */
    public static HmacSha256 ofSecret(String secret) {
        return secret == null || secret.isBlank() ? null : new HmacSha256(secret);
    }

    /** Our signature of these bytes, as lower-case hex ASCII. */
    public byte[] hex(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether the given hex signature equals {@code expected} (from {@link #hex}), in constant time. */
    public static boolean matches(byte[] expected, String givenHex) {
        byte[] given = givenHex.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
