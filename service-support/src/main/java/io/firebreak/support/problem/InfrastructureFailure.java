package io.firebreak.support.problem;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * What an infrastructure failure means for the caller: what changed, and whether a retry may help. Every service
 * answers the same way (issue 13: "nothing was changed" only when that is true), so a pool exhausted by a burst is
 * a 503 with {@code Retry-After} in each of them, and a commit cut off half-way is never reported as "nothing".
 */
public enum InfrastructureFailure {
    /** A commit was cut off: the change may or may not be stored. */
    OUTCOME_UNKNOWN,
    /** The transaction never began or was rolled back, for a reason that may pass (pool, lock, connection). */
    NOTHING_CHANGED_RETRY,
    /** Anything else: our fault; no claim about what changed. */
    UNEXPECTED;

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(CannotCreateTransactionException.class,
            TransientDataAccessException.class, DataAccessResourceFailureException.class,
            RecoverableDataAccessException.class, UnexpectedRollbackException.class, SQLTransientException.class,
            SQLRecoverableException.class);

    /** Classifies {@code e}; {@code alsoTransient} adds a service's own "rolled back, retry" types (e.g. Axon's). */
    @SafeVarargs
    public static InfrastructureFailure of(Throwable e, Class<? extends Throwable>... alsoTransient) {
        if (any(e, List.of(TransactionSystemException.class))) {
            return OUTCOME_UNKNOWN;
        }
        if (any(e, TRANSIENT) || any(e, List.of(alsoTransient))) {
            return NOTHING_CHANGED_RETRY;
        }
        return UNEXPECTED;
    }

    public static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static boolean any(Throwable e, List<Class<? extends Throwable>> types) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
