-- From firebreak.paging-events: when an incident was first paged and first acknowledged. Kept apart from
-- incident because paging events may arrive before the declaration is projected.
CREATE TABLE paging_milestone (
    incident_id     VARCHAR(36) PRIMARY KEY,
    first_paged_at  TIMESTAMPTZ,
    acknowledged_at TIMESTAMPTZ
);

-- Entries from paging events belong to no aggregate sequence; they are ordered by time.
ALTER TABLE timeline_entry ALTER COLUMN sequence DROP NOT NULL;
