-- Issue 19 (replay at half the raw consumer's rate): a RoleAssigned event changes the incident's roles in the same
-- statement that moves its row forward, so a poll's writes go to PostgreSQL as batches without reading the row first.
-- Same text as DebriefProjection wrote before: one "ROLE=name" line per role, in the order roles were first held; a
-- joining holder is added after the others (", "), anyone else replaces them; a newline in a name becomes a space.
CREATE FUNCTION assign_role(roles TEXT, role TEXT, holder TEXT, joining BOOLEAN) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    line   TEXT;
    held   TEXT;
    name   TEXT := replace(holder, E'\n', ' ');
    result TEXT := '';
    found  BOOLEAN := false;
BEGIN
    FOREACH line IN ARRAY string_to_array(coalesce(roles, ''), E'\n') LOOP
        CONTINUE WHEN strpos(line, '=') < 2;
        IF split_part(line, '=', 1) = role THEN
            found := true;
            held := substr(line, strpos(line, '=') + 1);
            line := role || '=' || CASE WHEN joining AND held !~ '^\s*$' THEN held || ', ' || name ELSE name END;
        END IF;
        result := result || line || E'\n';
    END LOOP;
    IF NOT found THEN
        result := result || role || '=' || name || E'\n';
    END IF;
    RETURN result;
END
$$;
