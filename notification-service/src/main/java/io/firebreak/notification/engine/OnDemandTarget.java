package io.firebreak.notification.engine;

/** Whom a person pages by hand: a PERSON, a SCHEDULE's on-call, a TEAM's on-call, a SERVICE's owning team's on-call. */
public enum OnDemandTarget {
    PERSON,
    SCHEDULE,
    TEAM,
    SERVICE
}
