package io.firebreak.command.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.support.problem.InfrastructureFailure;
import org.axonframework.common.AxonTransientException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;

class CommandFailuresTest {

    @Test
    void anAxonLockNotAcquiredIsRolledBackAndWorthARetry() {
        assertThat(InfrastructureFailure.of(new LockAcquisitionFailedException("busy"), AxonTransientException.class))
                .isEqualTo(InfrastructureFailure.NOTHING_CHANGED_RETRY);
        assertThat(InfrastructureFailure.of(new LockAcquisitionFailedException("busy")))
                .as("not a database failure by itself").isEqualTo(InfrastructureFailure.UNEXPECTED);
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
