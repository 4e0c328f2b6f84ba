package io.firebreak.support.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An update of a per-incident row that only moves forward: it applies when the event's sequence is newer than the
 * row's sequence column ({@code last_sequence} unless named), so a late or replayed event never overwrites a newer state.
 */
public final class SequencedUpdate {

    // table and column names are code, never input; the pattern keeps them that way
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;
    private final String table;
    private final String sequenceColumn;

    public SequencedUpdate(JdbcTemplate jdbc, String table) {
        this(jdbc, table, "last_sequence");
    }

    public SequencedUpdate(JdbcTemplate jdbc, String table, String sequenceColumn) {
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(sequenceColumn).matches()) {
            throw new IllegalArgumentException("Not an identifier: " + table + "." + sequenceColumn);
        }
        this.jdbc = jdbc;
        this.table = table;
        this.sequenceColumn = sequenceColumn;
    }

    /**
     * {@code UPDATE <table> SET <assignments>, <sequence> = ? WHERE incident_id = ? AND <sequence> < ?}.
     * {@code assignments} is SQL from code such as {@code "status = ?"}; values bind its placeholders. True when the
     * row moved forward.
     */
    public boolean apply(String incidentId, long sequence, String assignments, Object... values) {
        return jdbc.update(sql(assignments), args(incidentId, sequence, values)) == 1;
    }

    /** The same update, queued in {@code batch} under the incident's id (so it keeps its place among that row's). */
    public void queue(StatementBatch batch, String incidentId, long sequence, String assignments, Object... values) {
        batch.add(incidentId, sql(assignments), args(incidentId, sequence, values));
    }

    private String sql(String assignments) {
        String set = assignments == null || assignments.isBlank() ? "" : assignments + ", ";
        return "UPDATE " + table + " SET " + set + sequenceColumn + " = ? WHERE incident_id = ?"
                + " AND " + sequenceColumn + " < ?";
    }

    private static Object[] args(String incidentId, long sequence, Object... values) {
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.add(sequence);
        args.add(incidentId);
        args.add(sequence);
        return args.toArray();
    }
}
