package io.firebreak.command.api;

/** A person who can hold a role. {@code email} and {@code slackUserId} are optional. */
public record Person(String id, String name, String email, String slackUserId) {

    /** True when both values name the same person (by id). */
    public static boolean same(Person a, Person b) {
        return a != null && b != null && a.id().equals(b.id());
    }
}
