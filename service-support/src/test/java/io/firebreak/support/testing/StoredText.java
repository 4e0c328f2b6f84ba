package io.firebreak.support.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Searches every text, JSON and binary column of a service's schema for a value that must never have been stored
 * (a secret refused at the boundary, a customer's e-mail address).
 */
public final class StoredText {

    private StoredText() {
    }

    /** The columns (as {@code table.column}) of {@code schema} holding {@code raw} anywhere; empty when none does. */
    public static List<String> columnsHolding(JdbcTemplate jdbc, String schema, String raw) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = ? AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea')""",
                schema);
        if (columns.isEmpty()) {
            throw new IllegalStateException("Schema " + schema + " has no text columns: wrong schema?");
        }
        List<String> holding = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = "\"" + schema + "\".\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            String match = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in " + name + ") > 0"
                    : "strpos(" + name + "::text, ?) > 0";
            Long found = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + match, Long.class, raw);
            if (found != null && found > 0) {
                holding.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return holding;
    }
}
