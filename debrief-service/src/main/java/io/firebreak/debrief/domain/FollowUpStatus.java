package io.firebreak.debrief.domain;

/** Where a follow-up action stands. */
public enum FollowUpStatus {
    OUTSTANDING, COMPLETED, NOT_DOING;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<FollowUpStatus> parse(String text) {
        for (FollowUpStatus status : values()) {
            if (status.wire().equalsIgnoreCase(text) || status.name().equalsIgnoreCase(text)) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }
}
