package io.firebreak.schemas.serde;

/** The message names a writer schema by a fingerprint this schemas jar does not know. */
public class UnknownSchemaException extends EventDecodingException {

    private final String fingerprint;

    public UnknownSchemaException(String fingerprint) {
        super("No Firebreak event schema has fingerprint " + fingerprint
                + " (message bytes 2-9): the message was written by a newer or foreign schema;"
                + " upgrade io.firebreak:schemas or check the topic");
        this.fingerprint = fingerprint;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
