-- Counts the changes applied to the page, bumped in the transaction of every applied event. Each instance serves the
-- page from memory (web/RenderedPages) and only the instance consuming an incident's partition applies its events:
-- the others poll this one row to learn that the stored page changed and render it again.
CREATE TABLE page_revision (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    revision BIGINT   NOT NULL
);
INSERT INTO page_revision (id, revision) VALUES (1, 0);
