package io.firebreak.command.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.application.CommandRejections.Rejection;
import io.firebreak.command.domain.IncidentRuleViolation;
import io.firebreak.command.domain.InvalidFieldException;
import io.firebreak.command.domain.SecretRejectedException;
import io.firebreak.schemas.sensitive.SecretKind;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

class CommandRejectionsTest {

    @Test
    void rejectsWhatTheHttpApiAnswersAsTheCallersMistake() {
        assertThat(CommandRejections.of(catching(() -> CommandInputs.severity("SEV9")))).contains(new Rejection(
                "Bad Request", "'severity' must be one of MINOR, MAJOR, CRITICAL, LOW, MEDIUM, HIGH, SEV1-SEV4, P0-P3",
                "severity"));
        assertThat(CommandRejections.of(new InvalidFieldException("title", "'title' is required")))
                .contains(new Rejection("Unprocessable Entity", "'title' is required", "title"));
        assertThat(CommandRejections.of(new SecretRejectedException("text", SecretKind.values()[0])))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("text"));
        assertThat(CommandRejections.of(new IncidentRuleViolation("status-unchanged", "status", "already")))
                .contains(new Rejection("Conflict", "already", "status"));
        assertThat(CommandRejections.of(CommandInputs.unknownIncident("42")))
                .contains(new Rejection("Not Found", "No incident 42", null));
        assertThat(CommandRejections.of(new AggregateNotFoundException("42", "gone")))
                .contains(new Rejection("Not Found", "No such incident", null));
    }

    private static RuntimeException catching(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }

    @Test
    void retriesWhatSaysNothingAboutTheRequest() {
        assertThat(CommandRejections.of(new DataAccessResourceFailureException("down",
                new SQLTransientConnectionException("refused")))).isEmpty();
        assertThat(CommandRejections.of(new CannotCreateTransactionException("no connection"))).isEmpty();
        assertThat(CommandRejections.of(new CommandsBusy("42", Duration.ofMillis(300)))).isEmpty();
        assertThat(CommandRejections.of(new CommandOutcomeUnknown(new RuntimeException("cut off")))).isEmpty();
    }
}
