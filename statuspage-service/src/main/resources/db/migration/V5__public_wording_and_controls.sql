-- Issue 17: the page's own wording and the comms owner's controls.
-- `name` now holds the PUBLIC title, never the internal one: existing rows get the generic title here and are
-- re-derived from the configured components at start-up (readmodel/StatusProjection.retitleAll, called by
-- web/RenderedPages before the first render), unless a title was set by hand.
ALTER TABLE incident
    ADD COLUMN public_message    TEXT,
    ADD COLUMN title_set_by_hand BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN hidden            BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN impact_started_at TIMESTAMPTZ;
UPDATE incident SET name = 'Some services are degraded', impact_started_at = created_at;

-- A public component's status set by hand for one incident (ComponentStatusSet); it replaces the derived status
-- while the incident is open and is dropped when it resolves.
CREATE TABLE component_override (
    incident_id  TEXT        NOT NULL REFERENCES incident (incident_id),
    component_id TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    set_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (incident_id, component_id)
);

-- Scheduled maintenance, owned by this service (web/MaintenanceController); components as a text array.
CREATE TABLE maintenance (
    maintenance_id  TEXT        PRIMARY KEY,
    name            TEXT        NOT NULL,
    message         TEXT        NOT NULL,
    components      TEXT[]      NOT NULL,
    status          TEXT        NOT NULL,
    scheduled_for   TIMESTAMPTZ NOT NULL,
    scheduled_until TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    started_at      TIMESTAMPTZ,
    resolved_at     TIMESTAMPTZ,
    created_by      TEXT        NOT NULL,
    updated_by      TEXT        NOT NULL,
    -- start and complete by themselves at the scheduled times (readmodel/MaintenanceSchedule)
    auto_start      BOOLEAN     NOT NULL DEFAULT TRUE,
    auto_complete   BOOLEAN     NOT NULL DEFAULT TRUE
);
CREATE INDEX maintenance_scheduled_idx ON maintenance (scheduled_for DESC);

-- What the page says at each step of a maintenance, as Statuspage's incident_updates.
CREATE TABLE maintenance_update (
    update_id      TEXT        PRIMARY KEY,
    maintenance_id TEXT        NOT NULL REFERENCES maintenance (maintenance_id),
    status         TEXT        NOT NULL,
    body           TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT        NOT NULL
);
CREATE INDEX maintenance_update_idx ON maintenance_update (maintenance_id, created_at DESC);
