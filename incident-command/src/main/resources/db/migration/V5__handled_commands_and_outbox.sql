-- Commands requested on Kafka (firebreak.incident-commands, from Slack), by command id: claimed in the transaction
-- that applies the command, completed with the answer in the same transaction, so a request is applied at most once
-- and a redelivery gets its first answer again. A row without an outcome is never visible outside that transaction.
CREATE TABLE handled_command (
    command_id     TEXT         PRIMARY KEY,
    incident_id    TEXT         NOT NULL,
    answer_id      VARCHAR(64),
    outcome        VARCHAR(16),
    reference      VARCHAR(40),
    problem_title  VARCHAR(100),
    problem_detail TEXT,
    field          TEXT,
    handled_at     TIMESTAMPTZ,
    claimed_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- service-support's outbox (Outbox, OutboxRelay): the answers on firebreak.incident-command-results, written with
-- what they say; the relay publishes them.
CREATE TABLE outbox (
    event_id     VARCHAR(200) PRIMARY KEY,
    topic        VARCHAR(120) NOT NULL,
    record_key   TEXT         NOT NULL,
    event_type   VARCHAR(60)  NOT NULL,
    payload      BYTEA        NOT NULL,
    position     BIGSERIAL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL;
