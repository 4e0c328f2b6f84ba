-- Whatever the write side accepts, this service must be able to store (issue 13). Columns filled from incident
-- events (ids, names, Slack user ids, update ids and the message and timer ids built from them) lose their length
-- limit: none has a business reason. The one that has one, the channel name (Slack allows 80 characters), stays
-- VARCHAR(80) and IncidentReactions cuts a longer name to fit.
ALTER TABLE processed_event ALTER COLUMN event_id TYPE TEXT;

ALTER TABLE incident
    ALTER COLUMN incident_id TYPE TEXT,
    ALTER COLUMN reference TYPE TEXT,
    ALTER COLUMN title TYPE TEXT,
    ALTER COLUMN severity TYPE TEXT,
    ALTER COLUMN status TYPE TEXT,
    ALTER COLUMN lead_name TYPE TEXT,
    ALTER COLUMN comms_owner_name TYPE TEXT,
    ALTER COLUMN comms_owner_slack TYPE TEXT,
    ALTER COLUMN last_update_id TYPE TEXT;

ALTER TABLE slack_channel ALTER COLUMN incident_id TYPE TEXT;

ALTER TABLE slack_message
    ALTER COLUMN message_id TYPE TEXT,
    ALTER COLUMN incident_id TYPE TEXT,
    ALTER COLUMN target TYPE TEXT;

ALTER TABLE slack_pace ALTER COLUMN target TYPE TEXT;

ALTER TABLE escalation ALTER COLUMN incident_id TYPE TEXT;
ALTER TABLE page ALTER COLUMN incident_id TYPE TEXT;

ALTER TABLE timer
    ALTER COLUMN timer_id TYPE TEXT,
    ALTER COLUMN incident_id TYPE TEXT;

ALTER TABLE paging_sequence ALTER COLUMN incident_id TYPE TEXT;

-- paging events are keyed by the incident id
ALTER TABLE outbox ALTER COLUMN record_key TYPE TEXT;
