package io.firebreak.notification.readmodel;

/** A page's state as {@code engine.Escalations} writes it: waiting, acknowledged, or cancelled when paging stopped. */
public enum PageState {
    TRIGGERED,
    ACKNOWLEDGED,
    CANCELLED
}
