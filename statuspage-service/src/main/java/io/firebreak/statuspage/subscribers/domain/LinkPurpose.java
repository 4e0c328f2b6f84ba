package io.firebreak.statuspage.subscribers.domain;

/** What a signed link in a subscriber e-mail does; a link signed for one purpose never works for the other. */
public enum LinkPurpose {
    CONFIRM, UNSUBSCRIBE
}
