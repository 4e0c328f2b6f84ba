package io.firebreak.command.api;

/** Who an update is written for. */
public enum Audience {
    INTERNAL, CUSTOMER
}
