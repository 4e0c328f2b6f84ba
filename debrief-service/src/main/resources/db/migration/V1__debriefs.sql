-- Projection of the incident topic. Everything here can be rebuilt by replaying the topic.
CREATE TABLE processed_event (
    event_id     VARCHAR(64) PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE incident (
    incident_id       VARCHAR(36)  PRIMARY KEY,
    reference         VARCHAR(32)  NOT NULL,
    title             VARCHAR(200) NOT NULL,
    summary           TEXT         NOT NULL,
    severity          VARCHAR(16)  NOT NULL,
    reported_severity VARCHAR(50)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    customer_impact   BOOLEAN      NOT NULL,
    affected_services TEXT         NOT NULL,
    channel_name      VARCHAR(80)  NOT NULL,
    roles             TEXT         NOT NULL DEFAULT '',
    resolution        TEXT,
    debrief_url       TEXT,
    detected_at       TIMESTAMPTZ,
    declared_at       TIMESTAMPTZ  NOT NULL,
    acknowledged_at   TIMESTAMPTZ,
    first_update_at   TIMESTAMPTZ,
    mitigated_at      TIMESTAMPTZ,
    resolved_at       TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    last_sequence     BIGINT       NOT NULL
);
CREATE INDEX incident_declared_idx ON incident (declared_at);

CREATE TABLE timeline_entry (
    event_id    VARCHAR(64)  PRIMARY KEY,
    incident_id VARCHAR(36)  NOT NULL,
    sequence    BIGINT       NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor_id    VARCHAR(200) NOT NULL,
    actor_name  VARCHAR(200) NOT NULL,
    actor_kind  VARCHAR(16)  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    text        TEXT         NOT NULL,
    UNIQUE (incident_id, sequence)
);

-- What people wrote and decided: never touched by a replay.
CREATE TABLE debrief_section (
    incident_id VARCHAR(36)  NOT NULL,
    section     VARCHAR(40)  NOT NULL,
    text        TEXT         NOT NULL,
    edited_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (incident_id, section)
);

CREATE TABLE debrief_completion (
    incident_id  VARCHAR(36)  PRIMARY KEY,
    completed_at TIMESTAMPTZ  NOT NULL,
    completed_by VARCHAR(200) NOT NULL
);

CREATE TABLE follow_up (
    follow_up_id VARCHAR(36)  PRIMARY KEY,
    incident_id  VARCHAR(36)  NOT NULL,
    title        VARCHAR(200) NOT NULL,
    owner        VARCHAR(200) NOT NULL,
    due_date     DATE,
    priority     VARCHAR(16)  NOT NULL,
    external_url TEXT,
    status       VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    completed_at TIMESTAMPTZ
);
CREATE INDEX follow_up_incident_idx ON follow_up (incident_id);

-- Events to publish, written in the transaction that decided them; a relay sends them (at least once).
CREATE TABLE outbox (
    event_id     VARCHAR(64)  PRIMARY KEY,
    topic        VARCHAR(120) NOT NULL,
    record_key   VARCHAR(64)  NOT NULL,
    payload      BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
