package io.firebreak.command.domain;

/** The command is valid in itself but not allowed in the incident's current state (HTTP 409). */
public class IncidentRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public IncidentRuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    /** Stable, kebab-case name of the rule, e.g. {@code incident-closed}. */
    public String rule() {
        return rule;
    }

    /** The request field the rule concerns, or null. */
    public String field() {
        return field;
    }
}
