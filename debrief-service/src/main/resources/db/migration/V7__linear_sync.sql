-- Follow-ups mirrored to Linear (issue 16, item 4): the issue each one became.
ALTER TABLE follow_up ADD COLUMN linear_issue_id   TEXT;
ALTER TABLE follow_up ADD COLUMN linear_identifier TEXT;
ALTER TABLE follow_up ADD COLUMN linear_url        TEXT;
CREATE UNIQUE INDEX follow_up_linear_issue_idx ON follow_up (linear_issue_id) WHERE linear_issue_id IS NOT NULL;

-- The Linear outbox: written in the transaction that created or changed the follow-up, worked off by
-- linear.LinearSyncWorker with retries and back-off; done rows stay as the record of what was sent.
CREATE TABLE linear_sync (
    task_id         BIGSERIAL   PRIMARY KEY,
    follow_up_id    TEXT        NOT NULL,
    action          TEXT        NOT NULL,
    status          TEXT,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    done_at         TIMESTAMPTZ
);
CREATE INDEX linear_sync_pending_idx ON linear_sync (task_id) WHERE done_at IS NULL;
CREATE INDEX linear_sync_follow_up_idx ON linear_sync (follow_up_id);

-- Webhook deliveries already acted on (a hash of the signed body), so a replay inside the timestamp window is not.
CREATE TABLE linear_webhook_delivery (
    delivery_key TEXT        PRIMARY KEY,
    received_at  TIMESTAMPTZ NOT NULL
);
