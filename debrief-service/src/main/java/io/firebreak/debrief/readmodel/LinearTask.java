package io.firebreak.debrief.readmodel;

/**
 * One piece of Linear work for a follow-up, from the {@code linear_sync} outbox: create its issue, or move the issue
 * to the state that mirrors {@code status}.
 */
public record LinearTask(long id, String followUpId, Action action, String status, int attempts) {

    /** What the worker does with Linear. */
    public enum Action {
        CREATE_ISSUE, MOVE_ISSUE
    }
}
