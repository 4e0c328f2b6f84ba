package io.firebreak.command.application;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.axonframework.common.AxonTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.UnexpectedRollbackException;

/** What an infrastructure failure means for the caller: what changed, and whether a retry may help. */
public final class Failures {

    public enum Meaning {
        /** A commit was cut off: the change may or may not be stored. */
        OUTCOME_UNKNOWN,
        /** The transaction never began or was rolled back, for a reason that may pass (pool, lock, connection). */
        NOTHING_CHANGED_RETRY,
        /** Anything else: our fault; no claim about what changed. */
        UNEXPECTED
    }

    private Failures() {
    }

    public static Meaning of(Throwable e) {
        if (any(e, TransactionSystemException.class)) {
            return Meaning.OUTCOME_UNKNOWN;
        }
        if (any(e, CannotCreateTransactionException.class, TransientDataAccessException.class,
                DataAccessResourceFailureException.class, RecoverableDataAccessException.class,
                UnexpectedRollbackException.class, SQLTransientException.class, SQLRecoverableException.class,
                AxonTransientException.class)) {
            return Meaning.NOTHING_CHANGED_RETRY;
        }
        return Meaning.UNEXPECTED;
    }

    public static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @SafeVarargs
    private static boolean any(Throwable e, Class<? extends Throwable>... types) {
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
