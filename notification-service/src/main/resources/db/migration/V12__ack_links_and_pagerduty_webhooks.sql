-- Acknowledge links are single use: redeeming one records its nonce here in the transaction that acknowledges,
-- so a second POST of the same link (or a race of two) finds the row and is refused. Rows past expires_at can go.
CREATE TABLE ack_link_use (
    nonce      VARCHAR(32)  PRIMARY KEY,
    page_id    VARCHAR(36)  NOT NULL,
    person_id  VARCHAR(200) NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    used_at    TIMESTAMPTZ  NOT NULL
);

-- PagerDuty webhook v3 deliveries already handled, by the event's id: a redelivered or replayed event is refused.
CREATE TABLE pagerduty_webhook_event (
    event_id    VARCHAR(64) PRIMARY KEY,
    event_type  VARCHAR(64) NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
