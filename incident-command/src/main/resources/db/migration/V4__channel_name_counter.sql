-- The next numbered suffix per base channel name, so a taken name costs one row update instead of probing every
-- suffix in turn (which made the n-th same-titled declaration of a day do n inserts).
CREATE TABLE channel_name_counter (
    base_name VARCHAR(80) PRIMARY KEY,
    next      INT         NOT NULL
);
