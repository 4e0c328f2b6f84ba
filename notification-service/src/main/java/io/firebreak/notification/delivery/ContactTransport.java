package io.firebreak.notification.delivery;

import io.firebreak.notification.domain.oncall.ContactMethodKind;
import java.util.List;

/** Sends page messages through one kind of contact method. */
public interface ContactTransport {

    ContactMethodKind kind();

    /** Without its provider settings a transport skips its deliveries rather than retrying them for ever. */
    boolean configured();

    /**
     * Sends one message to {@code address} about these pages (more than one only when the throttle bundled them).
     * Throws when the provider refused or could not be reached; the delivery is then retried.
     */
    void send(String address, List<PageNotice> notices) throws Exception;
}
