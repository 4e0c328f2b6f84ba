package io.firebreak.support.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A poll's {@link SequencedUpdate}s of per-incident rows, written as one UPDATE per row instead of one per event
 * (issue 19: a replay wrote every incident row once per event, and each new row version costs PostgreSQL more than
 * the statement that makes it). The merged statement does exactly what the updates would have done one after the
 * other: an update applies when its sequence is newer than the row's, so among a run of updates whose sequences
 * rise the ones that apply are a tail of the run, and each column's value is a nest of
 * {@code CASE WHEN last_sequence < ? THEN <new> ELSE <before> END} over the row's sequence before the statement.
 * An update whose sequence is not above an earlier one in the run would never apply, and is dropped.
 *
 * <p>Updates are grouped per incident into a run; {@link #end(StatementBatch, String)} queues the run's statement in
 * the batch under the incident's id. Call it before queueing any other statement of that row (an INSERT, an
 * unconditional update), so the row's statements keep their order; {@link #endAll(StatementBatch)} before the
 * batch's flush.
 */
public final class MergedSequencedUpdates {

    /** Deeper runs are written as several statements, so no column's expression grows past a few CASEs. */
    private static final int MAX_RUN = 4;

    // table and column names are code, never input; the pattern keeps them that way
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * One column's new value: {@code expression} is SQL from code, {@code "?"} or a literal for a plain value, or a
     * function of the column's value before the update written as {@code %s} ({@code "coalesce(%s, ?)"}), which must
     * come before any of its {@code ?}; {@code values} bind the {@code ?}s.
     */
    public record Assignment(String column, String expression, Object... values) {
        public Assignment {
            if (!IDENTIFIER.matcher(column).matches()) {
                throw new IllegalArgumentException("Not an identifier: " + column);
            }
            int self = expression.indexOf("%s");
            int bound = expression.indexOf('?');
            if (self >= 0 && bound >= 0 && bound < self || self != expression.lastIndexOf("%s")) {
                throw new IllegalArgumentException("%s once, before any ?: " + expression);
            }
        }

        boolean readsItself() {
            return expression.contains("%s");
        }
    }

    private record Step(long sequence, List<Assignment> assignments) {
    }

    /** SQL and the values of its placeholders, in order. */
    private record Sql(String text, List<Object> args) {
    }

    private final String table;
    private final Map<String, List<Step>> runs = new LinkedHashMap<>();

    public MergedSequencedUpdates(String table) {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("Not an identifier: " + table);
        }
        this.table = table;
    }

    /**
     * Adds {@code UPDATE <table> SET <assignments>, last_sequence = ? WHERE incident_id = ? AND last_sequence < ?}
     * to the incident's run (no assignments: only the sequence moves).
     */
    public void add(StatementBatch batch, String incidentId, long sequence, Assignment... assignments) {
        List<Step> run = runs.computeIfAbsent(incidentId, id -> new ArrayList<>());
        // a run's sequences rise, so its last step is its newest
        if (!run.isEmpty() && sequence <= run.get(run.size() - 1).sequence()) {
            return; // an older or repeated sequence: the newer update before it in the run keeps it from applying
        }
        run.add(new Step(sequence, List.of(assignments)));
        if (run.size() == MAX_RUN) {
            end(batch, incidentId);
        }
    }

    /** Queues the incident's run as one statement under its id. */
    public void end(StatementBatch batch, String incidentId) {
        List<Step> run = runs.remove(incidentId);
        if (run == null || run.isEmpty()) {
            return;
        }
        long newest = run.get(run.size() - 1).sequence();
        Map<String, Sql> columns = new LinkedHashMap<>();
        for (Step step : run) {
            for (Assignment assignment : step.assignments()) {
                Sql before = columns.getOrDefault(assignment.column(), new Sql(assignment.column(), List.of()));
                columns.put(assignment.column(), after(before, step, assignment, newest));
            }
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        List<Object> args = new ArrayList<>();
        columns.forEach((column, value) -> {
            sql.append(column).append(" = ").append(value.text()).append(", ");
            args.addAll(value.args());
        });
        sql.append("last_sequence = ? WHERE incident_id = ? AND last_sequence < ?");
        args.addAll(Arrays.asList(newest, incidentId, newest));
        batch.add(incidentId, sql.toString(), args.toArray());
    }

    /** Queues every open run. */
    public void endAll(StatementBatch batch) {
        for (String incidentId : List.copyOf(runs.keySet())) {
            end(batch, incidentId);
        }
    }

    /**
     * The column after {@code step}: its new value when the step applies, else {@code before}. The run's newest step
     * applies whenever the statement does (its WHERE), and a plain value ignores what came before it: both need no
     * CASE, which keeps the SQL of a single update what {@link SequencedUpdate} sends.
     */
    private static Sql after(Sql before, Step step, Assignment assignment, long newest) {
        List<Object> args = new ArrayList<>();
        String value;
        if (assignment.readsItself()) {
            value = assignment.expression().formatted(before.text());
            args.addAll(before.args());
        } else {
            value = assignment.expression();
            before = new Sql(assignment.column(), List.of());
        }
        args.addAll(Arrays.asList(assignment.values()));
        if (step.sequence() == newest) {
            return new Sql(value, args);
        }
        List<Object> guarded = new ArrayList<>();
        guarded.add(step.sequence());
        guarded.addAll(args);
        guarded.addAll(before.args());
        return new Sql("CASE WHEN last_sequence < ? THEN " + value + " ELSE " + before.text() + " END", guarded);
    }
}
