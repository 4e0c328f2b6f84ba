package io.firebreak.command.application;

import org.springframework.transaction.support.TransactionSynchronization;

/**
 * What became of one command's database transaction, observed by {@link #track()} on the thread that sends it
 * (Axon's simple command bus handles a command on the sending thread). A failure does not by itself mean nothing
 * changed: the transaction may have committed before something later failed, or its commit may have been cut off
 * with the outcome unknown. Only {@link Status#NOT_STARTED} and {@link Status#ROLLED_BACK} allow "nothing changed".
 */
public final class CommandOutcome {

    public enum Status { NOT_STARTED, COMMITTED, ROLLED_BACK, UNKNOWN }

    private static final ThreadLocal<CommandOutcome> CURRENT = new ThreadLocal<>();

    private volatile Status status = Status.NOT_STARTED;

    private CommandOutcome() {
    }

    /** Starts observing the commands sent from this thread until {@link #close()}. */
    public static CommandOutcome track() {
        CommandOutcome outcome = new CommandOutcome();
        CURRENT.set(outcome);
        return outcome;
    }

    /** The outcome being observed on this thread, if any. */
    public static CommandOutcome current() {
        return CURRENT.get();
    }

    public void close() {
        CURRENT.remove();
    }

    public Status status() {
        return status;
    }

    /** A Spring transaction synchronization that records how the command's transaction completed. */
    public TransactionSynchronization synchronization() {
        return new TransactionSynchronization() {
            @Override
            public void afterCompletion(int completion) {
                status = switch (completion) {
                    case STATUS_COMMITTED -> Status.COMMITTED;
                    case STATUS_ROLLED_BACK -> Status.ROLLED_BACK;
                    default -> Status.UNKNOWN;
                };
            }
        };
    }
}
