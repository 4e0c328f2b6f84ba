-- Issue 17 (schemas release 8): the e-mails and prompts the policies require (docs/process.md, Customer messages and
-- Stakeholder updates).
--
-- What the incident row keeps of its public side: whether the comms owner published or hid it on the status page by
-- hand (PUBLIC / HIDDEN; null while neither happened), when something first went public (a StatusPagePublished or a
-- CUSTOMER update: "client comms after 15 min" is then met), when the customer e-mail was sent (CustomerEmailSent),
-- and when the channel was prompted for each, so each prompt is posted once whatever timer fires it.
ALTER TABLE incident
    ADD COLUMN status_page                   TEXT,
    ADD COLUMN went_public_at                TIMESTAMPTZ,
    ADD COLUMN customer_email_sent_at        TIMESTAMPTZ,
    ADD COLUMN public_comms_prompted_at      TIMESTAMPTZ,
    ADD COLUMN customer_email_reminded_at    TIMESTAMPTZ;

-- Stakeholder e-mails: one row per (event, address), written in the transaction that records the event id, so a
-- redelivery queues nothing twice; StakeholderEmailWorker claims due rows by lease with SKIP LOCKED (as
-- contact_delivery), so a restart loses none and two instances never send one. Subject and body are rendered when
-- queued: each e-mail tells the incident as it was at its event.
CREATE TABLE stakeholder_email (
    email_id         TEXT        PRIMARY KEY,
    event_id         TEXT        NOT NULL,
    incident_id      TEXT        NOT NULL,
    address          TEXT        NOT NULL,
    subject          TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    -- PENDING (due or waiting for a retry), SENT, SKIPPED (no SMTP server configured)
    state            VARCHAR(16) NOT NULL DEFAULT 'PENDING',
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    error            TEXT
);
CREATE INDEX stakeholder_email_due_idx ON stakeholder_email (state, next_attempt_at);
CREATE INDEX stakeholder_email_incident_idx ON stakeholder_email (incident_id);
