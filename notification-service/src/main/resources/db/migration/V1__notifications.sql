CREATE TABLE processed_event (
    event_id     VARCHAR(64) PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What this service knows of each incident, from the incident topic.
CREATE TABLE incident (
    incident_id        VARCHAR(36)  PRIMARY KEY,
    reference          VARCHAR(32)  NOT NULL,
    title              VARCHAR(200) NOT NULL,
    severity           VARCHAR(16)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    customer_impact    BOOLEAN      NOT NULL,
    channel_name       VARCHAR(80)  NOT NULL,
    lead_name          VARCHAR(200),
    comms_owner_name   VARCHAR(200),
    comms_owner_slack  VARCHAR(50),
    last_update_id     VARCHAR(64),
    declared_at        TIMESTAMPTZ  NOT NULL,
    last_sequence      BIGINT       NOT NULL
);

-- Slack: the incident's channel, and every message as a durable outbox row. The id is (event id, action), so a
-- redelivered event finds its rows already there and nothing is posted twice.
CREATE TABLE slack_channel (
    incident_id   VARCHAR(36) PRIMARY KEY,
    channel_id    VARCHAR(40),
    channel_name  VARCHAR(80)
);

CREATE TABLE slack_message (
    message_id      VARCHAR(120) PRIMARY KEY,
    position        BIGSERIAL    NOT NULL,
    incident_id     VARCHAR(36)  NOT NULL,
    target          VARCHAR(120) NOT NULL,
    action          VARCHAR(20)  NOT NULL,
    text            TEXT         NOT NULL,
    state           VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    slack_ts        VARCHAR(40),
    error           TEXT
);
CREATE INDEX slack_message_pending_idx ON slack_message (state, next_attempt_at, position);
CREATE INDEX slack_message_incident_idx ON slack_message (incident_id, position);

-- Slack's per-channel pace (about one message a second) and Retry-After, per target.
CREATE TABLE slack_pace (
    target          VARCHAR(120) PRIMARY KEY,
    next_allowed_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE escalation (
    incident_id VARCHAR(36) PRIMARY KEY,
    policy      VARCHAR(40) NOT NULL,
    state       VARCHAR(16) NOT NULL,
    level       INT         NOT NULL,
    round       INT         NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE page (
    page_id         VARCHAR(36)  PRIMARY KEY,
    incident_id     VARCHAR(36)  NOT NULL,
    level           INT          NOT NULL,
    round           INT          NOT NULL,
    responder_id    VARCHAR(200) NOT NULL,
    responder_name  VARCHAR(200) NOT NULL,
    rotation        VARCHAR(100),
    state           VARCHAR(16)  NOT NULL,
    triggered_at    TIMESTAMPTZ  NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by VARCHAR(200),
    UNIQUE (incident_id, level, round, responder_id)
);

CREATE TABLE page_delivery (
    delivery_id     VARCHAR(120) PRIMARY KEY,
    page_id         VARCHAR(36)  NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    action          VARCHAR(20)  NOT NULL,
    state           VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    error           TEXT
);

-- Durable timers: ack timeouts and reminders survive restarts; a worker claims due ones with SKIP LOCKED.
CREATE TABLE timer (
    timer_id    VARCHAR(120) PRIMARY KEY,
    kind        VARCHAR(30)  NOT NULL,
    incident_id VARCHAR(36)  NOT NULL,
    due_at      TIMESTAMPTZ  NOT NULL,
    payload     TEXT,
    state       VARCHAR(16)  NOT NULL DEFAULT 'PENDING'
);
CREATE INDEX timer_due_idx ON timer (state, due_at);

CREATE TABLE outbox (
    event_id     VARCHAR(64)  PRIMARY KEY,
    position     BIGSERIAL    NOT NULL,
    topic        VARCHAR(120) NOT NULL,
    record_key   VARCHAR(64)  NOT NULL,
    event_type   VARCHAR(60)  NOT NULL,
    payload      BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
