-- Schema release 7 (issue 16). What kind of incident it was (incidents declared before version 7 are ENGINEERING and
-- no drill, the schema's defaults): drills are left out of the metrics. The "identified" milestone (the first
-- CauseIdentified; the last one's text, which corrects the earlier ones) and the first CONTAINED containment step,
-- from which time-to-identify and time-to-contain are measured.
ALTER TABLE incident
    ADD COLUMN incident_type TEXT    NOT NULL DEFAULT 'ENGINEERING',
    ADD COLUMN drill         BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN cause         TEXT,
    ADD COLUMN identified_at TIMESTAMPTZ,
    ADD COLUMN contained_at  TIMESTAMPTZ;

-- The containment checklist: one row per ContainmentStepRecorded, under the event's id like its timeline entry (a
-- replay forgets both together). Kept for incidents never declared too, as their timeline entries are.
CREATE TABLE containment_step (
    event_id    TEXT        PRIMARY KEY,
    incident_id TEXT        NOT NULL,
    sequence    BIGINT      NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    lever       TEXT        NOT NULL,
    outcome     TEXT        NOT NULL,
    note        TEXT        NOT NULL
);
CREATE INDEX containment_step_incident_idx ON containment_step (incident_id);
