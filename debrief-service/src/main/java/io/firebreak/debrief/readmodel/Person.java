package io.firebreak.debrief.readmodel;

/** Who wrote or changed something: the person behind the credential (id and display name). */
public record Person(String id, String name) {

    /** The person of two nullable columns; null for rows written before people were recorded. */
    static Person of(String id, String name) {
        return id == null && name == null ? null : new Person(id, name);
    }
}
