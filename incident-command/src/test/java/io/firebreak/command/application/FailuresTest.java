package io.firebreak.command.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.application.Failures.Meaning;
import java.sql.SQLTransientConnectionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronization;

class FailuresTest {

    @Test
    void saysNothingChangedOnlyWhenTheTransactionNeverBeganOrRolledBack() {
        var poolExhausted = new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("requests - Connection is not available, request timed out"));
        assertThat(Failures.of(poolExhausted)).isEqualTo(Meaning.NOTHING_CHANGED_RETRY);
        assertThat(Failures.of(new CannotGetJdbcConnectionException("down"))).isEqualTo(Meaning.NOTHING_CHANGED_RETRY);
        assertThat(Failures.of(new LockAcquisitionFailedException("busy"))).isEqualTo(Meaning.NOTHING_CHANGED_RETRY);
        assertThat(Failures.of(new IllegalStateException("wrapped", new TransactionSystemException("commit failed"))))
                .isEqualTo(Meaning.OUTCOME_UNKNOWN);
        assertThat(Failures.of(new NullPointerException())).isEqualTo(Meaning.UNEXPECTED);
    }

    @Test
    void anObservedCommandKnowsHowItsTransactionEnded() {
        CommandOutcome outcome = CommandOutcome.track();
        try {
            assertThat(CommandOutcome.current()).isSameAs(outcome);
            assertThat(outcome.status()).isEqualTo(CommandOutcome.Status.NOT_STARTED);
            outcome.synchronization().afterCompletion(TransactionSynchronization.STATUS_UNKNOWN);
            assertThat(outcome.status()).isEqualTo(CommandOutcome.Status.UNKNOWN);
            outcome.synchronization().afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
            assertThat(outcome.status()).isEqualTo(CommandOutcome.Status.COMMITTED);
        } finally {
            outcome.close();
        }
        assertThat(CommandOutcome.current()).isNull();
    }
}
