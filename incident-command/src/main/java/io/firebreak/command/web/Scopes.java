package io.firebreak.command.web;

/** Scopes an API token can hold. */
public final class Scopes {

    public static final String INCIDENTS_READ = "incidents:read";
    public static final String INCIDENTS_WRITE = "incidents:write";
    public static final String INTEGRATIONS_INGEST = "integrations:ingest";

    private Scopes() {
    }
}
