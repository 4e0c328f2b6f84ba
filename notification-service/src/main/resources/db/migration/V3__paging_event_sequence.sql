-- header.sequence of paging events (schema version 4): per incident, gap-free, from 0. The row is incremented in
-- the transaction that writes the event to the outbox, so a rolled-back decision leaves no gap and concurrent
-- decisions for one incident take their numbers one after the other.
CREATE TABLE paging_sequence (
    incident_id   VARCHAR(36) PRIMARY KEY,
    next_sequence BIGINT      NOT NULL
);

-- Incidents already paged before the upgrade continue after the paging events they already have (header-less,
-- version 3), so sequence still counts every paging event of the incident.
INSERT INTO paging_sequence (incident_id, next_sequence)
SELECT record_key, count(*) FROM outbox WHERE topic = 'firebreak.paging-events' GROUP BY record_key;
