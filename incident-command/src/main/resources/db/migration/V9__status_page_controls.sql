-- Issue 17 (schema release 8): the comms owner's status page controls on the dashboard read model. published is NULL
-- until someone publishes or hides the incident by hand (then TRUE / FALSE); the public wording; the component statuses
-- set by hand (JSON object: component id -> status); when the customer e-mail was last sent.
ALTER TABLE incident_view
    ADD COLUMN status_page_published BOOLEAN,
    ADD COLUMN status_page_hidden    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN public_title          TEXT,
    ADD COLUMN public_message        TEXT,
    ADD COLUMN public_components     TEXT    NOT NULL DEFAULT '{}',
    ADD COLUMN customer_email_sent_at TIMESTAMPTZ;

-- The Incident aggregate now keeps its internal title and whether it is a drill (a drill is never public, and the
-- public title must not repeat the internal one). Snapshots taken before hold neither and would read as "no title, no
-- drill": snapshots are only a cache, so they go, and each aggregate loads from its events until the next is taken.
DELETE FROM snapshot_event_entry;
