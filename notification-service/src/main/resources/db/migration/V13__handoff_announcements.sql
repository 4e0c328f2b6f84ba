-- Hand-offs announced in the team's channel (issue 14): one row per team and hand-off instant, inserted in the
-- transaction that queues the Slack message, so no instance and no restart announces one twice.
CREATE TABLE handoff_announcement (
    team_id       VARCHAR(64)  NOT NULL,
    handoff_at    TIMESTAMPTZ  NOT NULL,
    announced_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (team_id, handoff_at)
);

-- A team-channel message (a hand-off) belongs to no incident.
ALTER TABLE slack_message ALTER COLUMN incident_id DROP NOT NULL;
