package io.firebreak.statuspage.subscribers.storage;

/** What a notice is: a change of a public incident, the comms owner's customer e-mail, or a confirm-link e-mail. */
public enum NoticeKind {
    INCIDENT_UPDATE, CUSTOMER_EMAIL, CONFIRMATION
}
