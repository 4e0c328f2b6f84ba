package io.firebreak.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class InfrastructureFailureTest {

    @Test
    void saysNothingChangedOnlyWhenTheTransactionNeverBeganOrRolledBack() {
        var poolExhausted = new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("requests - Connection is not available, request timed out"));
        assertThat(InfrastructureFailure.of(poolExhausted)).isEqualTo(InfrastructureFailure.NOTHING_CHANGED_RETRY);
        assertThat(InfrastructureFailure.of(new CannotGetJdbcConnectionException("down")))
                .isEqualTo(InfrastructureFailure.NOTHING_CHANGED_RETRY);
        assertThat(InfrastructureFailure.of(new IllegalStateException("wrapped",
                new TransactionSystemException("commit failed")))).isEqualTo(InfrastructureFailure.OUTCOME_UNKNOWN);
        assertThat(InfrastructureFailure.of(new NullPointerException())).isEqualTo(InfrastructureFailure.UNEXPECTED);
        assertThat(InfrastructureFailure.of(new IllegalStateException("x"), IllegalStateException.class))
                .as("a service's own transient type").isEqualTo(InfrastructureFailure.NOTHING_CHANGED_RETRY);
    }
}
