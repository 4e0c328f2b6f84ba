-- Subscribers (issue 17 item 5). An e-mail address is personal data: it lives only in subscriber.address, is never
-- logged in clear nor put on Kafka, and unsubscribing deletes the row (and, by cascade, whatever was still queued).
CREATE TABLE subscriber (
    subscriber_id TEXT        PRIMARY KEY,
    channel       TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    address       TEXT        NOT NULL,
    -- public component ids; empty means every component
    components    TEXT[]      NOT NULL DEFAULT '{}',
    -- a webhook's signing secret (shown once when it is created)
    secret        TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    -- double opt-in: an e-mail subscriber gets notices only once this is set; webhooks are confirmed at creation
    confirmed_at  TIMESTAMPTZ,
    created_by    TEXT
);
CREATE UNIQUE INDEX subscriber_email_idx ON subscriber (lower(address)) WHERE channel = 'EMAIL';
CREATE INDEX subscriber_confirmed_idx ON subscriber (channel) WHERE confirmed_at IS NOT NULL;

-- What is sent: one notice per incident change (the latest incident_update of a round), per customer e-mail
-- (its event id) or per confirmation e-mail; fanned out into one delivery per matching subscriber.
CREATE TABLE notice (
    notice_id     TEXT        PRIMARY KEY,
    kind          TEXT        NOT NULL CHECK (kind IN ('INCIDENT_UPDATE', 'CUSTOMER_EMAIL', 'CONFIRMATION')),
    incident_id   TEXT,
    subscriber_id TEXT        REFERENCES subscriber (subscriber_id) ON DELETE CASCADE,
    subject       TEXT,
    body          TEXT,
    payload       TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    fanned_out_at TIMESTAMPTZ
);
CREATE INDEX notice_pending_idx ON notice (created_at) WHERE fanned_out_at IS NULL;

-- incident_update rows already turned into a notice, or superseded by a later row of the same round.
CREATE TABLE update_noticed (
    update_id  TEXT        PRIMARY KEY,
    noticed_at TIMESTAMPTZ NOT NULL
);
-- what was on the page before subscribers existed is not news
INSERT INTO update_noticed (update_id, noticed_at) SELECT update_id, now() FROM incident_update;

-- The durable deliveries: sent at least once, retried with back-off, paced per subscriber.
CREATE TABLE delivery (
    notice_id       TEXT        NOT NULL REFERENCES notice (notice_id) ON DELETE CASCADE,
    subscriber_id   TEXT        NOT NULL REFERENCES subscriber (subscriber_id) ON DELETE CASCADE,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    abandoned_at    TIMESTAMPTZ,
    last_error      TEXT,
    PRIMARY KEY (notice_id, subscriber_id)
);
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE sent_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX delivery_sent_idx ON delivery (subscriber_id, sent_at) WHERE sent_at IS NOT NULL;

-- The latest "what you can do" of an incident's customer updates, for the customer e-mail draft.
CREATE TABLE incident_workaround (
    incident_id     TEXT   PRIMARY KEY,
    what_you_can_do TEXT   NOT NULL,
    sequence        BIGINT NOT NULL
);
