-- Who did what, from the credential (service-support's Caller): rows written before this version have no person.
ALTER TABLE debrief_section ADD COLUMN edited_by_id   VARCHAR(200);
ALTER TABLE debrief_section ADD COLUMN edited_by_name VARCHAR(200);

-- completed_by held whatever name the request body gave; it becomes the display name, next to the person's id.
ALTER TABLE debrief_completion RENAME COLUMN completed_by TO completed_by_name;
ALTER TABLE debrief_completion ADD COLUMN completed_by_id VARCHAR(200);

ALTER TABLE follow_up ADD COLUMN created_by_id   VARCHAR(200);
ALTER TABLE follow_up ADD COLUMN created_by_name VARCHAR(200);
ALTER TABLE follow_up ADD COLUMN updated_by_id   VARCHAR(200);
ALTER TABLE follow_up ADD COLUMN updated_by_name VARCHAR(200);

-- The outbox shape service-support's Outbox and OutboxRelay use: the event type for the Kafka header (every event
-- this service wrote so far is a DebriefCompleted) and a position that orders the relay. Rows already there are
-- numbered in the order the old relay sent them (created_at, event_id).
ALTER TABLE outbox ADD COLUMN event_type VARCHAR(60) NOT NULL DEFAULT 'DebriefCompleted';
ALTER TABLE outbox ADD COLUMN position BIGSERIAL;
UPDATE outbox SET position = ordered.n
FROM (SELECT event_id, row_number() OVER (ORDER BY created_at, event_id) AS n FROM outbox) ordered
WHERE outbox.event_id = ordered.event_id;
SELECT setval(pg_get_serial_sequence('outbox', 'position'), coalesce((SELECT max(position) FROM outbox), 0) + 1, false);
CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL;

