-- Full-text search over debriefs (GET /api/v1/debriefs?q=): the incident's title and summary, the sections people
-- wrote, the notes the derived sections are made of, and the follow-up titles. Each lives in its own table (the
-- projection is replayable, what people wrote is not), so each gets an expression index with the same text search
-- configuration the query uses; the query finds candidates through these indexes and ranks them on their weighted
-- union. Customer updates are left out: the document redacts personal data in them, so search must not find it.
CREATE INDEX incident_search_idx ON incident
    USING GIN (to_tsvector('english', title || ' ' || summary));
CREATE INDEX debrief_section_search_idx ON debrief_section
    USING GIN (to_tsvector('english', text));
CREATE INDEX timeline_entry_search_idx ON timeline_entry
    USING GIN (to_tsvector('english', text)) WHERE kind <> 'UPDATE';
CREATE INDEX follow_up_search_idx ON follow_up
    USING GIN (to_tsvector('english', title));
