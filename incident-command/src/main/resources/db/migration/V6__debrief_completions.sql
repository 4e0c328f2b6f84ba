-- DebriefCompleted events from debrief-service (firebreak.debrief-events): a Major or Critical incident closes
-- only once its debrief is completed, with the debrief's URL. The first completion of an incident is kept;
-- a replayed or repeated event changes nothing.
CREATE TABLE debrief_completion (
    incident_id  VARCHAR(36)  PRIMARY KEY,
    event_id     VARCHAR(64)  NOT NULL,
    reference    VARCHAR(32)  NOT NULL,
    debrief_url  TEXT         NOT NULL,
    completed_at TIMESTAMPTZ  NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
