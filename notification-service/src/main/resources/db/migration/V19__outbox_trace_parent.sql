-- The trace context current when a row was appended (W3C traceparent: version, trace id, span id, flags; nothing
-- else), which service-support's OutboxRelay sends as the record's traceparent header (issue 19). Null where no
-- trace was current; rows appended before this column existed are sent without the header.
ALTER TABLE outbox ADD COLUMN trace_parent VARCHAR(55);
