package io.firebreak.notification.acklink;

import java.time.Instant;

/**
 * What a verified acknowledge link says: which page, for whom, until when, and its nonce (what makes it single use).
 */
public record AckLink(String pageId, String personId, Instant expiresAt, String nonce) {
}
