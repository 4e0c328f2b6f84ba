-- On call as data (issue 14): people, teams, schedules with overrides, escalation policies and the service
-- catalog. Each item is one row: a few columns to find it by, and the item itself as jsonb (the API's JSON shape),
-- so nested lists (layers, steps, targets) are stored one way. Every change is also a row in oncall_audit.
CREATE TABLE oncall_person (
    id            VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    body          JSONB        NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- How a person can be reached. Filled from the person's Slack id, e-mail and phone today; delivery per method,
-- notification rules and throttling come later and read this table.
CREATE TABLE contact_method (
    id          VARCHAR(200) PRIMARY KEY,
    person_id   VARCHAR(64)  NOT NULL REFERENCES oncall_person (id) ON DELETE CASCADE,
    kind        VARCHAR(20)  NOT NULL,
    address     VARCHAR(320) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX contact_method_person_idx ON contact_method (person_id);

CREATE TABLE oncall_schedule (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    body        JSONB        NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE oncall_override (
    id             VARCHAR(36)  PRIMARY KEY,
    schedule_id    VARCHAR(64)  NOT NULL REFERENCES oncall_schedule (id) ON DELETE CASCADE,
    kind           VARCHAR(10)  NOT NULL,
    add_person     VARCHAR(64),
    remove_person  VARCHAR(64),
    starts_at      TIMESTAMPTZ  NOT NULL,
    ends_at        TIMESTAMPTZ  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    created_by     VARCHAR(200) NOT NULL
);
CREATE INDEX oncall_override_schedule_idx ON oncall_override (schedule_id, starts_at);

CREATE TABLE oncall_team (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    body        JSONB        NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE oncall_escalation_policy (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    body        JSONB        NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE oncall_service (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    body        JSONB        NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

-- Who changed what and when: the API caller, the configuration file or the YAML seed.
CREATE TABLE oncall_audit (
    id          BIGSERIAL    PRIMARY KEY,
    at          TIMESTAMPTZ  NOT NULL,
    actor_id    VARCHAR(200) NOT NULL,
    actor_name  VARCHAR(200) NOT NULL,
    entity      VARCHAR(30)  NOT NULL,
    entity_id   VARCHAR(64)  NOT NULL,
    action      VARCHAR(10)  NOT NULL,
    body        JSONB
);
CREATE INDEX oncall_audit_entity_idx ON oncall_audit (entity, entity_id, id);

-- What the configuration file (or the YAML seed) last applied to each item, as a digest: an item is written again
-- only when the file's version of it changes, so what the API changed in between is kept.
CREATE TABLE oncall_config_applied (
    entity      VARCHAR(30)  NOT NULL,
    entity_id   VARCHAR(64)  NOT NULL,
    digest      VARCHAR(64)  NOT NULL,
    applied_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (entity, entity_id)
);

-- Escalations name their policy by reference (policy:<id>, team:<id>:<SEVERITY>); older rows hold a severity.
ALTER TABLE escalation ALTER COLUMN policy TYPE VARCHAR(200);
-- Affected services route pages (and a later severity change) to the owning team.
ALTER TABLE incident ADD COLUMN affected_services TEXT[] NOT NULL DEFAULT '{}';
