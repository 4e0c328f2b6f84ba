package io.firebreak.command.application;

import io.firebreak.command.application.CommandRejections.Rejection;
import io.firebreak.command.readmodel.IncidentView;
import io.firebreak.command.readmodel.IncidentViewRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Applies commands requested from another surface (Slack, through Kafka) at most once per command id, by the HTTP
 * API's path: the incident's lane ({@link IncidentCommandGateway#inTurn}), the same declaration
 * ({@link Declarations#declareAs}), the aggregate's rules, the requester as the actor. The command's events, its
 * read model, the command id and the answer (in the outbox, through {@link CommandAnswers}) commit in one
 * transaction, so a crash anywhere either leaves nothing (the redelivery applies it) or everything (the redelivery
 * gets the same answer again).
 *
 * <p>A request that is wrong in itself is answered REJECTED, recorded like an applied one; a failure that says
 * nothing about the request (database, lane full, commit cut off) is thrown, with nothing recorded, to be retried.
 */
@Component
public class RequestedCommands {

    private static final Logger log = LoggerFactory.getLogger(RequestedCommands.class);

    /** Longest wait for the incident's turn and the command; beyond it the delivery is retried (nothing recorded). */
    private static final Duration MAX_TURN = Duration.ofSeconds(60);

    private final Declarations declarations;
    private final PossibleDuplicates duplicates;
    private final IncidentCommandGateway lanes;
    private final CommandGateway gateway;
    private final IncidentViewRepository views;
    private final HandledCommands handled;
    private final TransactionTemplate transaction;
    private final Scheduler blocking;
    private final Clock clock;

    public RequestedCommands(Declarations declarations, IncidentCommandGateway lanes, CommandGateway gateway,
            IncidentViewRepository views, HandledCommands handled, PlatformTransactionManager transactionManager,
            Scheduler blockingScheduler, Clock clock, PossibleDuplicates duplicates) {
        this.declarations = declarations;
        this.duplicates = duplicates;
        this.lanes = lanes;
        this.gateway = gateway;
        this.views = views;
        this.handled = handled;
        this.transaction = new TransactionTemplate(transactionManager);
        this.blocking = blockingScheduler;
        this.clock = clock;
    }

    /** Applies and answers {@code request}, or answers it again. Blocking: call it off any event loop. */
    public CommandAnswer handle(RequestedCommand request, CommandAnswers answers) {
        Optional<CommandAnswer> earlier = handled.find(request.commandId());
        if (earlier.isPresent()) {
            return again(earlier.get(), answers);
        }
        if (request instanceof RequestedCommand.Invalid invalid) {
            Rejection rejection = CommandRejections.of(invalid.problem()).orElseThrow(() -> invalid.problem());
            return reject(request, rejection, answers);
        }
        try {
            return lanes.inTurn(request.incidentId(), () -> Mono.fromCallable(
                    () -> transaction.execute(status -> apply(request, answers))).subscribeOn(blocking))
                    .block(MAX_TURN);
        } catch (RuntimeException failure) {
            Optional<Rejection> rejection = CommandRejections.of(failure);
            if (rejection.isEmpty()) {
                log.warn("command_request.retry commandId={} incident={} error={}", request.commandId(),
                        request.incidentId(), failure.toString());
                throw failure;
            }
            return reject(request, rejection.get(), answers);
        }
    }

    private CommandAnswer apply(RequestedCommand request, CommandAnswers answers) {
        if (!handled.claim(request.commandId(), request.incidentId())) {
            // another delivery of the same request committed while this one waited for it
            return again(handled.find(request.commandId()).orElseThrow(), answers);
        }
        IncidentView incident;
        if (request instanceof RequestedCommand.Declare declare) {
            if (views.findById(declare.incidentId()).isPresent()) {
                throw CommandRejections.incidentIdInUse();
            }
            // without "force" a declaration alike an open incident is REJECTED with the candidates in the detail; the
            // person joins that incident, re-declares in other words, or asks again with force
            duplicates.check(declare.declaration(), declare.force());
            incident = declarations.declareAs(declare.incidentId(), declare.declaration(),
                    declare.actor().toMetaData());
        } else {
            RequestedCommand.Change change = (RequestedCommand.Change) request;
            views.findById(change.incidentId()).orElseThrow(() -> CommandInputs.unknownIncident(change.incidentId()));
            gateway.sendAndWait(change.command(), change.actor().toMetaData());
            incident = views.findById(change.incidentId()).orElseThrow();
        }
        CommandAnswer answer = CommandAnswer.applied(UUID.randomUUID().toString(), request.commandId(),
                request.incidentId(), incident.reference(), now());
        handled.complete(answer);
        answers.send(answer);
        log.info("command_request.applied commandId={} incident={} reference={} actor={}", request.commandId(),
                request.incidentId(), incident.reference(), request.actor().id());
        return answer;
    }

    private CommandAnswer reject(RequestedCommand request, Rejection rejection, CommandAnswers answers) {
        return transaction.execute(status -> {
            String reference = CommandInputs.isIncidentId(request.incidentId())
                    ? views.findById(request.incidentId()).map(IncidentView::reference).orElse(null) : null;
            CommandAnswer answer = CommandAnswer.rejected(UUID.randomUUID().toString(), request.commandId(),
                    request.incidentId(), reference, rejection, now());
            if (!handled.recordRejected(answer)) {
                return again(handled.find(request.commandId()).orElseThrow(), answers);
            }
            answers.send(answer);
            log.info("command_request.rejected commandId={} incident={} title=\"{}\" field={}", request.commandId(),
                    request.incidentId(), rejection.title(), rejection.field());
            return answer;
        });
    }

    private CommandAnswer again(CommandAnswer earlier, CommandAnswers answers) {
        transaction.executeWithoutResult(status -> answers.resend(earlier));
        log.info("command_request.answered_again commandId={} outcome={}", earlier.commandId(), earlier.outcome());
        return earlier;
    }

    private java.time.Instant now() {
        // the answer carries milliseconds (Avro timestamp-millis): stored so, a repeated answer is identical
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
