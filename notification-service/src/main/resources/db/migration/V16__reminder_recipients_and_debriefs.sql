-- Issue 16. Reminders go to the incident lead, or to whoever declared the incident while it has none: the lead's
-- directory id and Slack id (from RoleAssigned) and the declarer (IncidentDeclared's actor) are kept with the incident.
ALTER TABLE incident
    ADD COLUMN lead_id          TEXT,
    ADD COLUMN lead_slack       TEXT,
    ADD COLUMN declared_by_id   TEXT,
    ADD COLUMN declared_by_name TEXT;

-- Debriefs completed (DebriefCompleted from firebreak.debrief-events): an incident listed here is never announced
-- as having an overdue debrief. One completion per incident; the first one kept.
CREATE TABLE debrief_completion (
    incident_id  TEXT        PRIMARY KEY,
    event_id     TEXT        NOT NULL,
    debrief_url  TEXT        NOT NULL,
    completed_at TIMESTAMPTZ NOT NULL
);
