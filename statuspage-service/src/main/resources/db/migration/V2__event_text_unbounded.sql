-- Whatever the write side accepts, the page must be able to store (issue 13): ids, references and names from
-- incident events lose their length limit (none has a business reason; the page wraps long text), so no valid
-- event can be dead-lettered for its length.
ALTER TABLE processed_event ALTER COLUMN event_id TYPE TEXT;

ALTER TABLE incident_update DROP CONSTRAINT incident_update_incident_id_fkey;

ALTER TABLE incident
    ALTER COLUMN incident_id TYPE TEXT,
    ALTER COLUMN reference TYPE TEXT,
    ALTER COLUMN name TYPE TEXT,
    ALTER COLUMN severity TYPE TEXT,
    ALTER COLUMN status TYPE TEXT;

ALTER TABLE incident_update
    ALTER COLUMN update_id TYPE TEXT,
    ALTER COLUMN incident_id TYPE TEXT,
    ALTER COLUMN status TYPE TEXT,
    ADD CONSTRAINT incident_update_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incident (incident_id);
