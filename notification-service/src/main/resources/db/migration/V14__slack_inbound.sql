-- Slack inbound (issue 15): what people asked from Slack, and the request signatures already seen.

-- One row per command asked from Slack, written in the transaction that appends its IncidentCommandRequested to the
-- outbox, so nothing accepted is lost. incident-command's answer (IncidentCommandHandled) fills outcome and
-- answer_text; the answer worker tells the person with chat.postEphemeral in the channel they asked in.
CREATE TABLE slack_command (
    command_id        VARCHAR(36)  PRIMARY KEY,
    incident_id       VARCHAR(36)  NOT NULL,
    slack_user_id     VARCHAR(40)  NOT NULL,
    actor_id          VARCHAR(200) NOT NULL,
    channel_id        VARCHAR(40)  NOT NULL,
    command_type      VARCHAR(40)  NOT NULL,
    asked             TEXT         NOT NULL,
    requested_at      TIMESTAMPTZ  NOT NULL,
    outcome           VARCHAR(16),
    answer_text       TEXT,
    answer_state      VARCHAR(16)  NOT NULL DEFAULT 'AWAITING',
    answer_attempts   INT          NOT NULL DEFAULT 0,
    answered_at       TIMESTAMPTZ
);
CREATE INDEX slack_command_answer_idx ON slack_command (answer_state);

-- Signatures of verified Slack requests, to refuse a replay inside the signature's 5-minute window; rows older than
-- the window are pruned (a replay older than that fails the timestamp check anyway).
CREATE TABLE slack_request_seen (
    signature     VARCHAR(100) PRIMARY KEY,
    request_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX slack_request_seen_at_idx ON slack_request_seen (request_at);
