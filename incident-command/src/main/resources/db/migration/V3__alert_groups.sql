-- One open incident per (integration, alert group). The partial unique index makes "first notification
-- declares" atomic across threads and instances; the group key is stored hashed (it may carry label values).
CREATE TABLE alert_group (
    id             BIGSERIAL    PRIMARY KEY,
    integration    VARCHAR(120) NOT NULL,
    group_key_hash CHAR(64)     NOT NULL,
    incident_id    VARCHAR(36)  NOT NULL,
    open           BOOLEAN      NOT NULL DEFAULT TRUE,
    opened_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    closed_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX alert_group_open_uq ON alert_group (integration, group_key_hash) WHERE open;
CREATE INDEX alert_group_incident_idx ON alert_group (incident_id);

-- Last known state of every alert attached to an incident, so repeats attach nothing twice.
CREATE TABLE alert_state (
    incident_id VARCHAR(36)  NOT NULL,
    alert_key   VARCHAR(500) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    starts_at   TIMESTAMPTZ  NOT NULL,
    ends_at     TIMESTAMPTZ,
    PRIMARY KEY (incident_id, alert_key)
);
