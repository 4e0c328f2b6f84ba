package io.firebreak.support.security;

import java.util.Set;

/** What a credential may do. A credential holds any number of these. */
public final class Scopes {

    public static final String INCIDENTS_READ = "incidents:read";
    public static final String INCIDENTS_WRITE = "incidents:write";
    public static final String INTEGRATIONS_INGEST = "integrations:ingest";
    public static final String PAGING_ACK = "paging:ack";
    public static final String PAGING_WRITE = "paging:write";
    public static final String DEBRIEFS_WRITE = "debriefs:write";
    /** The comms owner's controls over the public status page, subscribers and maintenance (issue 17). */
    public static final String STATUSPAGE_WRITE = "statuspage:write";
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(INCIDENTS_READ, INCIDENTS_WRITE, INTEGRATIONS_INGEST, PAGING_ACK,
            PAGING_WRITE, DEBRIEFS_WRITE, STATUSPAGE_WRITE, ADMIN);

    private Scopes() {
    }
}
