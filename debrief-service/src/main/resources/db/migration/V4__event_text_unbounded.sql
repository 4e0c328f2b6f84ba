-- Whatever the write side accepts, this projection must be able to store (issue 13): no length limit on a column
-- filled from an event has a business reason here (the debrief shows what happened, in full), so every such column
-- becomes TEXT and a long title, actor name, channel name or a foreign incident id can never dead-letter an event.
ALTER TABLE processed_event ALTER COLUMN event_id TYPE TEXT;

ALTER TABLE incident
    ALTER COLUMN incident_id TYPE TEXT,
    ALTER COLUMN reference TYPE TEXT,
    ALTER COLUMN title TYPE TEXT,
    ALTER COLUMN severity TYPE TEXT,
    ALTER COLUMN reported_severity TYPE TEXT,
    ALTER COLUMN status TYPE TEXT,
    ALTER COLUMN channel_name TYPE TEXT;

ALTER TABLE timeline_entry
    ALTER COLUMN event_id TYPE TEXT,
    ALTER COLUMN incident_id TYPE TEXT,
    ALTER COLUMN actor_id TYPE TEXT,
    ALTER COLUMN actor_name TYPE TEXT,
    ALTER COLUMN actor_kind TYPE TEXT,
    ALTER COLUMN kind TYPE TEXT;

ALTER TABLE paging_milestone ALTER COLUMN incident_id TYPE TEXT;
