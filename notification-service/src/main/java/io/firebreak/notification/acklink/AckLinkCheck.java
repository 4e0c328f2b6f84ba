package io.firebreak.notification.acklink;

/** The verdict on a presented link token, before anything is looked up. */
public sealed interface AckLinkCheck {

    /** Signed by us and within its lifetime. */
    record Valid(AckLink link) implements AckLinkCheck {
    }

    /** Signed by us, but past its expiry. */
    record Expired(AckLink link) implements AckLinkCheck {
    }

    /** Shaped like a link, but its signature is not ours: altered or forged. */
    record BadSignature() implements AckLinkCheck {
    }

    /** Not a link token at all (truncated, wrong encoding). */
    record Malformed() implements AckLinkCheck {
    }
}
