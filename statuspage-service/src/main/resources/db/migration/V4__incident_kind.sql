-- Schema release 7: what kind of incident this is decides whether it may become public (domain/PublicationPolicy):
-- a SECURITY incident only by a customer update, a drill never. Incidents declared before version 7 are
-- ENGINEERING and no drill, as the schema's defaults say.
ALTER TABLE incident
    ADD COLUMN incident_type TEXT    NOT NULL DEFAULT 'ENGINEERING',
    ADD COLUMN drill         BOOLEAN NOT NULL DEFAULT FALSE;
