-- Issue 16, items 10-14 (schema release 7) on the dashboard read model: the incident type, drills and suspected
-- exposure from the declaration; every investigator (JSON list of persons, as roles); the containment checklist
-- (JSON object by lever: the latest record of each) and when the first CONTAINED step came; the identified milestone
-- (its first time, the latest cause); the video bridge. Rows declared before keep the defaults the events imply.
ALTER TABLE incident_view
    ADD COLUMN incident_type      VARCHAR(16) NOT NULL DEFAULT 'ENGINEERING',
    ADD COLUMN drill              BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN suspected_exposure TEXT        NOT NULL DEFAULT '[]',
    ADD COLUMN investigators      TEXT        NOT NULL DEFAULT '[]',
    ADD COLUMN containment        TEXT        NOT NULL DEFAULT '{}',
    ADD COLUMN contained_at       TIMESTAMPTZ,
    ADD COLUMN identified_at      TIMESTAMPTZ,
    ADD COLUMN cause              TEXT,
    ADD COLUMN video_bridge_url   TEXT;

-- the one investigation owner an incident could have so far is its first investigator
UPDATE incident_view SET investigators = jsonb_build_array(roles::jsonb -> 'INVESTIGATION_OWNER')::text
    WHERE roles::jsonb ? 'INVESTIGATION_OWNER';

CREATE INDEX incident_view_type_idx ON incident_view (incident_type, declared_at DESC);
