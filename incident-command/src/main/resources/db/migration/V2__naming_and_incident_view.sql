-- Human references INC-<n>: unique, gaps allowed.
CREATE SEQUENCE incident_reference_seq START WITH 1;

-- Channel names are claimed before a declaration; the primary key makes the claim atomic.
CREATE TABLE channel_name (
    channel_name VARCHAR(80) PRIMARY KEY,
    incident_id  VARCHAR(36) NOT NULL,
    claimed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The dashboard read model, kept in step with the event store by a subscribing Axon projection.
CREATE TABLE incident_view (
    incident_id         VARCHAR(36)  PRIMARY KEY,
    reference           VARCHAR(32)  NOT NULL UNIQUE,
    title               VARCHAR(200) NOT NULL,
    summary             TEXT         NOT NULL,
    severity            VARCHAR(16)  NOT NULL,
    reported_severity   VARCHAR(50)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    customer_impact     BOOLEAN      NOT NULL,
    affected_services   TEXT         NOT NULL,
    source              VARCHAR(32)  NOT NULL,
    source_key          TEXT,
    channel_name        VARCHAR(80)  NOT NULL,
    detected_at         TIMESTAMPTZ,
    declared_at         TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    mitigated_at        TIMESTAMPTZ,
    resolved_at         TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    resolution          TEXT,
    debrief_url         TEXT,
    roles               TEXT         NOT NULL DEFAULT '{}',
    latest_update       TEXT,
    next_update_at      TIMESTAMPTZ,
    request_fingerprint VARCHAR(64),
    version             BIGINT       NOT NULL
);

CREATE INDEX incident_view_status_idx ON incident_view (status, declared_at DESC);
CREATE INDEX incident_view_declared_idx ON incident_view (declared_at DESC);
