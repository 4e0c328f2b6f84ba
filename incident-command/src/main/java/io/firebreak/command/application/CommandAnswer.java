package io.firebreak.command.application;

import java.time.Instant;

/**
 * incident-command's answer to a command requested from another surface (Slack, through Kafka): applied, or
 * rejected with the problem the HTTP API would have answered for the same mistake.
 *
 * @param answerId unique id of the answer; a repeated answer keeps it, so consumers that saw it once ignore it
 * @param reference the incident's reference (INC-n) when the incident exists
 */
public record CommandAnswer(String answerId, String commandId, String incidentId, String reference, Outcome outcome,
        String problemTitle, String problemDetail, String field, Instant handledAt) {

    public enum Outcome { APPLIED, REJECTED }

    static CommandAnswer applied(String answerId, String commandId, String incidentId, String reference,
            Instant handledAt) {
        return new CommandAnswer(answerId, commandId, incidentId, reference, Outcome.APPLIED, null, null, null,
                handledAt);
    }

    static CommandAnswer rejected(String answerId, String commandId, String incidentId, String reference,
            CommandRejections.Rejection rejection, Instant handledAt) {
        return new CommandAnswer(answerId, commandId, incidentId, reference, Outcome.REJECTED, rejection.title(),
                rejection.detail(), rejection.field(), handledAt);
    }
}
