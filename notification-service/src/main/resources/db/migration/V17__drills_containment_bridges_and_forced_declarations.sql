-- Issue 16 (schemas release 7). What the incident row keeps besides V1-V16: whether it is a drill (it pages only the
-- declarer's team and says DRILL wherever it is shown), its type and suspected exposure (SECURITY is marked, and kept
-- out of #engineering's broadcasts), the video bridge, the identified milestone, and the investigators: several may
-- hold the role since RoleAssigned.joining, so the role is a list. investigator_name is no longer written; it stays so
-- an instance of the previous version still applies events during a rolling upgrade.
ALTER TABLE incident
    ADD COLUMN drill              BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN incident_type      TEXT        NOT NULL DEFAULT 'ENGINEERING',
    ADD COLUMN suspected_exposure TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN video_bridge_url   TEXT,
    ADD COLUMN cause              TEXT,
    ADD COLUMN identified_at      TIMESTAMPTZ,
    ADD COLUMN investigators      TEXT[]      NOT NULL DEFAULT '{}';
UPDATE incident SET investigators = ARRAY[investigator_name] WHERE investigator_name IS NOT NULL;

-- The containment checklist (ContainmentStepRecorded): one row per event, so a redelivery adds nothing; the pinned
-- summary shows each lever's newest step (by sequence).
CREATE TABLE containment_step (
    event_id    TEXT        PRIMARY KEY,
    incident_id TEXT        NOT NULL,
    sequence    BIGINT      NOT NULL,
    lever       TEXT        NOT NULL,
    outcome     TEXT        NOT NULL,
    note        TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX containment_step_incident_idx ON containment_step (incident_id, sequence);

-- A declaration asked from Slack keeps the request as published (the IncidentCommandRequested in the events'
-- single-object encoding), so that when incident-command refuses it as a possible duplicate, the "Declare anyway"
-- button of the answer can send the same declaration again with force (offers_force), once (resent_as: the command
-- id of the second request).
ALTER TABLE slack_command
    ADD COLUMN request      BYTEA,
    ADD COLUMN offers_force BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN resent_as    TEXT;
