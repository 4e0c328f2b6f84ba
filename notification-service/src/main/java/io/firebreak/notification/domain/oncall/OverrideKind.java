package io.firebreak.notification.domain.oncall;

/** ADD someone on call beside the others, REMOVE someone, or REPLACE one person by another. */
public enum OverrideKind {
    ADD,
    REMOVE,
    REPLACE
}
