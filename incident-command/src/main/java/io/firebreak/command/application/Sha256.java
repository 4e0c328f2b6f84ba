package io.firebreak.command.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of text or bytes: request fingerprints, monitoring bodies, hashed alert-group keys, token digests compared in constant time, short
 * alert keys.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] bytes(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Of bytes as received, e.g. a request body before it is decoded. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }

    private static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static String hex(String text) {
        return HexFormat.of().formatHex(bytes(text));
    }

    /** The first 8 bytes as 16 hex digits: enough to tell keys apart, short enough to read. */
    public static String shortHex(String text) {
        return HexFormat.of().formatHex(bytes(text), 0, 8);
    }
}
