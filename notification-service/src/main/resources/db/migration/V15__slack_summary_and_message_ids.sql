-- Issue 15, outbound Slack. The pinned summary shows the incident as it is now and is edited in place: the incident
-- row keeps what the summary shows (investigator, the summary text, the latest update's answers), and
-- summary_version counts the changes the summary must show. slack_summary holds the pinned message (channel, ts)
-- and the version it last showed; a worker edits it (chat.update) while the two differ, so a burst of events
-- becomes one edit and the last state is never lost.
ALTER TABLE incident
    ADD COLUMN summary           TEXT,
    ADD COLUMN investigator_name TEXT,
    ADD COLUMN update_audience   TEXT,
    ADD COLUMN update_happening  TEXT,
    ADD COLUMN update_affected   TEXT,
    ADD COLUMN update_doing      TEXT,
    ADD COLUMN update_next_at    TIMESTAMPTZ,
    ADD COLUMN update_posted_at  TIMESTAMPTZ,
    ADD COLUMN summary_version   BIGINT NOT NULL DEFAULT 0;

CREATE TABLE slack_summary (
    incident_id      TEXT        PRIMARY KEY,
    message_id       TEXT        NOT NULL,
    channel_id       TEXT        NOT NULL,
    ts               TEXT        NOT NULL,
    rendered_version BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- A page DM carries an Acknowledge button whose value is the page id.
ALTER TABLE slack_message ADD COLUMN page_id TEXT;

-- Slack has no idempotency key. Every chat.postMessage carries the outbox row's id in its message metadata, and
-- a row is written here (committed) before the call and removed with the row's completion. A row still here when
-- the message is tried again means the earlier outcome is unknown (a crash between the call and the commit, a
-- timeout, a gateway error): the sender then looks for the id in the channel's recent history before posting.
CREATE TABLE slack_attempt (
    message_id TEXT        PRIMARY KEY,
    channel_id TEXT        NOT NULL,
    started_at TIMESTAMPTZ NOT NULL
);

-- Announcement channels are posted to by name (#incidents); conversations.history needs the id, which Slack
-- answers with each post: kept here, so a post of unknown outcome to a named channel can be looked for.
CREATE TABLE slack_channel_ref (
    name       TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL
);
