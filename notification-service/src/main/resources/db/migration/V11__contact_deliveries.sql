-- Notification rules at work (issue 14, item 4): when a person is paged, each of their rules ("push at once, SMS
-- after 2 minutes, voice after 5") becomes one row here with its due time. A worker claims due rows by lease with
-- SKIP LOCKED (as page_delivery), so a restart loses none and two instances never send one. The address is copied
-- at planning time: a later edit of the person does not redirect a page already under way.
CREATE TABLE contact_delivery (
    delivery_id      VARCHAR(200) PRIMARY KEY,
    page_id          VARCHAR(36)  NOT NULL,
    incident_id      VARCHAR(36)  NOT NULL,
    person_id        VARCHAR(64)  NOT NULL,
    method_id        VARCHAR(64)  NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    address          VARCHAR(320) NOT NULL,
    due_at           TIMESTAMPTZ  NOT NULL,
    -- PENDING (due or held by the throttle), SENT, CANCELLED (acknowledged or resolved first), SKIPPED (the
    -- transport is not configured)
    state            VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    sent_at          TIMESTAMPTZ,
    -- the delivery whose message carried this one, when the throttle bundled several into one message
    bundled_into     VARCHAR(200),
    error            TEXT
);
CREATE INDEX contact_delivery_due_idx ON contact_delivery (state, next_attempt_at);
CREATE INDEX contact_delivery_page_idx ON contact_delivery (page_id);

-- The throttle of SMS and voice: when a number was last sent to. Taking the next slot is one conditional upsert, so
-- instances agree on it without a lock held across the provider call.
CREATE TABLE contact_throttle (
    method_key    VARCHAR(400) PRIMARY KEY,
    last_sent_at  TIMESTAMPTZ  NOT NULL
);
