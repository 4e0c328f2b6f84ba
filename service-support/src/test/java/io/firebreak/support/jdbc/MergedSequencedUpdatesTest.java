package io.firebreak.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.support.jdbc.MergedSequencedUpdates.Assignment;
import org.junit.jupiter.api.Test;

/** The SQL a run of updates becomes; what it does to a row is checked against PostgreSQL in debrief's ProjectionReplayIT. */
class MergedSequencedUpdatesTest {

    @Test
    void aLoneUpdateIsWhatSequencedUpdateSends() {
        StatementBatchTest.Recording jdbc = new StatementBatchTest.Recording();
        StatementBatch batch = new StatementBatch(jdbc);
        MergedSequencedUpdates updates = new MergedSequencedUpdates("incident");
        updates.add(batch, "a", 3, new Assignment("status", "?", "FIXING"));
        updates.endAll(batch);
        batch.flush();
        assertThat(jdbc.sent).containsExactly("UPDATE incident SET status = ?, last_sequence = ? WHERE incident_id = ?"
                + " AND last_sequence < ? [FIXING, 3, a, 3]");
    }

    @Test
    void aRunIsOneStatementWhoseOlderStepsApplyOnlyWhenTheRowIsOlderStill() {
        StatementBatchTest.Recording jdbc = new StatementBatchTest.Recording();
        StatementBatch batch = new StatementBatch(jdbc);
        MergedSequencedUpdates updates = new MergedSequencedUpdates("incident");
        updates.add(batch, "a", 1, new Assignment("first_update_at", "coalesce(%s, ?)", "t1"));
        updates.add(batch, "a", 2, new Assignment("status", "?", "FIXING"));
        updates.add(batch, "a", 2, new Assignment("status", "?", "STALE"));
        updates.add(batch, "a", 3, new Assignment("first_update_at", "coalesce(%s, ?)", "t3"),
                new Assignment("status", "'RESOLVED'"));
        updates.endAll(batch);
        batch.flush();
        assertThat(jdbc.sent).containsExactly("UPDATE incident SET first_update_at = coalesce(CASE WHEN last_sequence < ?"
                + " THEN coalesce(first_update_at, ?) ELSE first_update_at END, ?), status = 'RESOLVED',"
                + " last_sequence = ? WHERE incident_id = ? AND last_sequence < ? [1, t1, t3, 3, a, 3]");
    }

    @Test
    void aColumnsOwnValueComesBeforeTheBoundOnes() {
        assertThatThrownBy(() -> new Assignment("roles", "assign_role(?, %s)", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Assignment("roles; drop", "?", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
