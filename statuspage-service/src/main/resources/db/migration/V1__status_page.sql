-- Events already applied, for at-least-once delivery: a redelivered event id is skipped.
CREATE TABLE processed_event (
    event_id     VARCHAR(64) PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every incident seen, public or not: whether it may be published depends on later events.
CREATE TABLE incident (
    incident_id       VARCHAR(36)  PRIMARY KEY,
    reference         VARCHAR(32)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    severity          VARCHAR(16)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    customer_impact   BOOLEAN      NOT NULL,
    affected_services TEXT         NOT NULL,
    published         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    monitoring_at     TIMESTAMPTZ,
    resolved_at       TIMESTAMPTZ,
    last_sequence     BIGINT       NOT NULL
);
CREATE INDEX incident_published_idx ON incident (published, created_at DESC);

-- Customer-facing updates only; internal updates never reach this table.
CREATE TABLE incident_update (
    update_id   VARCHAR(64)  PRIMARY KEY,
    incident_id VARCHAR(36)  NOT NULL REFERENCES incident (incident_id),
    status      VARCHAR(16)  NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX incident_update_incident_idx ON incident_update (incident_id, created_at DESC);
