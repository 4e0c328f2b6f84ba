package io.firebreak.command.application;

import io.firebreak.command.api.Actor;
import io.firebreak.command.api.AlertStatus;
import io.firebreak.command.api.Commands.AddTimelineNote;
import io.firebreak.command.api.Commands.AlertChange;
import io.firebreak.command.api.Commands.AttachAlerts;
import io.firebreak.command.api.Commands.ChangeStatus;
import io.firebreak.command.api.Commands.ResolveIncident;
import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.api.NoteKind;
import io.firebreak.command.api.Severity;
import io.firebreak.command.application.Declarations.Declaration;
import io.firebreak.command.readmodel.IncidentView;
import io.firebreak.command.readmodel.IncidentViewRepository;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Turns monitoring notifications into incidents, without duplicates. One alert group has at most one open
 * incident: the group's row is locked ({@code SELECT ... FOR UPDATE}) or created under a partial unique index
 * for the whole notification, so repeats, retries and concurrent deliveries to several instances serialise
 * on it, and the incident's events, the alert states and the group row commit together.
 */
@Component
public class AlertIngestion {

    private static final Logger log = LoggerFactory.getLogger(AlertIngestion.class);
    private static final int ATTEMPTS = 5;

    private final Declarations declarations;
    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final IncidentViewRepository views;
    private final IntegrationSettings settings;
    private final TransactionTemplate transaction;
    private final Scheduler blocking;
    private final Clock clock;

    public AlertIngestion(Declarations declarations, CommandGateway gateway, JdbcTemplate jdbc,
            IncidentViewRepository views, IntegrationSettings settings, PlatformTransactionManager transactionManager,
            Scheduler blockingScheduler, Clock clock) {
        this.clock = clock;
        this.declarations = declarations;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.views = views;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactionManager);
        this.blocking = blockingScheduler;
    }

    public Mono<IngestResult> ingest(AlertBatch batch, Actor actor) {
        return Mono.fromCallable(() -> ingestDecoded(batch, null, actor)).subscribeOn(blocking);
    }

    /**
     * Ingests a body whose SHA-256 is {@code bodyDigest}: a byte-identical repeat of the last body applied to an
     * open group of an active incident is answered from one indexed read, and {@code decode} (JSON, redaction,
     * cleaning: most of a repeat's cost) runs only for a body not seen last. Every body applied under the group's
     * lock records its digest, so a digest always stands for the group's current state.
     */
    public Mono<IngestResult> ingest(String integration, String bodyDigest, Supplier<AlertBatch> decode,
            Actor actor) {
        return Mono.fromCallable(() -> sameBodyAsLast(integration, bodyDigest)
                .orElseGet(() -> ingestDecoded(decode.get(), bodyDigest, actor))).subscribeOn(blocking);
    }

    private IngestResult ingestDecoded(AlertBatch batch, String bodyDigest, Actor actor) {
        return repeatOfKnownState(batch)
                .orElseGet(() -> retrying(() -> ingestInTransaction(batch, bodyDigest, actor)));
    }

    private Optional<IngestResult> sameBodyAsLast(String integration, String bodyDigest) {
        return jdbc.query("SELECT v.incident_id, v.reference, v.status FROM alert_group g"
                        + " JOIN incident_view v ON v.incident_id = g.incident_id"
                        + " WHERE g.integration = ? AND g.last_body_digest = ? AND g.open",
                (rs, row) -> IncidentStatus.valueOf(rs.getString(3)).isActive()
                        ? new IngestResult(rs.getString(1), rs.getString(2), false, 0) : null,
                integration, bodyDigest).stream().filter(Objects::nonNull).findFirst();
    }

    /**
     * Monitoring re-sends unchanged groups all the time (Alertmanager every {@code group_interval}); most
     * notifications change nothing. Those are answered from one read outside any transaction: no row lock, no
     * commit to wait for, and the group's lock stays free for the notifications that do change something. A
     * change racing these reads is applied by its own notification, under the lock, as before.
     */
    private Optional<IngestResult> repeatOfKnownState(AlertBatch batch) {
        IngestResult[] incident = {null};
        Map<String, KnownAlert> known = new HashMap<>();
        jdbc.query("SELECT v.incident_id, v.reference, v.status, s.alert_key, s.status, s.starts_at FROM alert_group g"
                + " JOIN incident_view v ON v.incident_id = g.incident_id"
                + " LEFT JOIN alert_state s ON s.incident_id = g.incident_id AND s.alert_key = ANY (?)"
                + " WHERE g.integration = ? AND g.group_key_hash = ? AND g.open",
                (ResultSet rs) -> {
                    if (IncidentStatus.valueOf(rs.getString(3)).isActive()) {
                        incident[0] = new IngestResult(rs.getString(1), rs.getString(2), false, 0);
                    }
                    if (rs.getString(4) != null) {
                        known.put(rs.getString(4), new KnownAlert(AlertStatus.valueOf(rs.getString(5)),
                                rs.getTimestamp(6).toInstant()));
                    }
                },
                alertKeys(batch), batch.integration(), batch.groupKeyHash());
        if (incident[0] == null) {
            return Optional.empty();
        }
        return batch.alerts().stream().allMatch(alert -> known.containsKey(alert.alertKey())
                && known.get(alert.alertKey()).sameAs(alert)) ? Optional.of(incident[0]) : Optional.empty();
    }

    /** Records an acknowledgement from the integration on the group's open incident, if there is one. */
    public Mono<IngestResult> acknowledge(String integration, String groupKeyHash, String text, Actor actor) {
        return Mono.fromCallable(() -> retrying(() -> transaction.execute(status -> {
            Optional<IncidentView> incident = lockOpenGroup(integration, groupKeyHash).flatMap(views::findById)
                    .filter(view -> view.status() != IncidentStatus.CLOSED);
            incident.ifPresent(view -> send(new AddTimelineNote(view.id(), NoteKind.NOTE, text, null), actor));
            return incident.map(view -> new IngestResult(view.id(), view.reference(), false, 0))
                    .orElse(IngestResult.nothing());
        }))).subscribeOn(blocking);
    }

    private IngestResult retrying(java.util.function.Supplier<IngestResult> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (AxonTransientException | TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("ingest.retry attempt={} cause={}", attempt, e.getClass().getSimpleName());
            }
        }
    }

    private IngestResult ingestInTransaction(AlertBatch batch, String bodyDigest, Actor actor) {
        return transaction.execute(status -> ingestLocked(batch, bodyDigest, actor));
    }

    private IngestResult ingestLocked(AlertBatch batch, String bodyDigest, Actor actor) {
        String groupHash = batch.groupKeyHash();
        Optional<String> open = lockOpenGroup(batch.integration(), groupHash);
        String previousReference = null;
        if (open.isPresent()) {
            IncidentView view = views.findById(open.get()).orElseThrow();
            if (view.status().isActive()) {
                int attached = attach(view.id(), batch, actor);
                if (bodyDigest != null) {
                    // under the group's lock: the state just applied is the state this body describes
                    jdbc.update("UPDATE alert_group SET last_body_digest = ? WHERE integration = ?"
                            + " AND group_key_hash = ? AND open", bodyDigest, batch.integration(), groupHash);
                }
                return new IngestResult(view.id(), view.reference(), false, attached);
            }
            if (!firesAgain(view.id(), batch)) {
                return new IngestResult(view.id(), view.reference(), false, 0);
            }
            jdbc.update("UPDATE alert_group SET open = FALSE, closed_at = now()"
                    + " WHERE integration = ? AND group_key_hash = ? AND open", batch.integration(), groupHash);
            previousReference = view.reference();
        }
        if (!batch.anyFiring()) {
            return IngestResult.nothing();
        }
        String incidentId = UUID.randomUUID().toString();
        int inserted = jdbc.update("INSERT INTO alert_group (integration, group_key_hash, incident_id, last_body_digest)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (integration, group_key_hash) WHERE open DO NOTHING",
                batch.integration(), groupHash, incidentId, bodyDigest);
        if (inserted == 0) {
            // another delivery of this group declared first and has committed: join its incident
            return ingestLocked(batch, bodyDigest, actor);
        }
        List<AlertChange> changes = changes(Map.of(), batch);
        IncidentView declared = declarations.declareWithAlerts(incidentId, declaration(batch, previousReference),
                actor.toMetaData(), batch.integration(), changes);
        int attached = stored(incidentId, changes, actor);
        log.info("ingest.declared integration={} incident={} reference={} alerts={}", batch.integration(),
                incidentId, declared.reference(), attached);
        return new IngestResult(incidentId, declared.reference(), true, attached);
    }

    private Declaration declaration(AlertBatch batch, String previousReference) {
        Instant detectedAt = batch.alerts().stream().filter(a -> a.status() == AlertStatus.FIRING)
                .map(AlertBatch.Alert::startsAt).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        String summary = batch.summary() == null ? "" : batch.summary();
        if (previousReference != null) {
            summary = (summary.isEmpty() ? "" : summary + "\n\n") + "The alert group fires again after "
                    + previousReference + " was resolved; see " + previousReference + ".";
        }
        return new Declaration(batch.title(), summary, batch.severity(), batch.reportedSeverity(), false,
                batch.affectedServices(), null, batch.source(), batch.groupKey(), detectedAt);
    }

    /**
     * Attaches new alerts and changed states, all in one command; moves the incident on when the whole group has
     * resolved.
     */
    private int attach(String incidentId, AlertBatch batch, Actor actor) {
        List<AlertChange> changes = changes(knownAlerts(incidentId, batch), batch);
        if (changes.isEmpty()) {
            return 0;
        }
        send(new AttachAlerts(incidentId, batch.integration(), changes), actor);
        return stored(incidentId, changes, actor);
    }

    /** The batch's alerts that are new or changed against the stored states. */
    private List<AlertChange> changes(Map<String, KnownAlert> known, AlertBatch batch) {
        List<AlertChange> changes = new ArrayList<>();
        for (AlertBatch.Alert alert : batch.alerts()) {
            KnownAlert state = known.get(alert.alertKey());
            if (state != null && state.sameAs(alert)) {
                continue;
            }
            // integrations that do not say when an alert started keep the start first seen
            Instant startsAt = alert.startsAt() != null ? alert.startsAt()
                    : state != null ? state.startsAt() : clock.instant();
            changes.add(new AlertChange(alert.alertKey(), alert.status(), alert.summary(), alert.labels(), startsAt,
                    alert.endsAt(), alert.generatorUrl()));
        }
        return changes;
    }

    /** Stores the attached alerts' states (one batched upsert); settles the incident when the group resolved. */
    private int stored(String incidentId, List<AlertChange> changes, Actor actor) {
        jdbc.batchUpdate("""
                INSERT INTO alert_state (incident_id, alert_key, status, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (incident_id, alert_key) DO UPDATE
                SET status = excluded.status, starts_at = excluded.starts_at, ends_at = excluded.ends_at""",
                changes, changes.size(), (statement, change) -> {
                    statement.setString(1, incidentId);
                    statement.setString(2, change.alertKey());
                    statement.setString(3, change.status().name());
                    statement.setTimestamp(4, Timestamp.from(change.startsAt()));
                    statement.setTimestamp(5, change.endsAt() == null ? null : Timestamp.from(change.endsAt()));
                });
        if (changes.stream().anyMatch(change -> change.status() == AlertStatus.RESOLVED)) {
            settleIfAllResolved(incidentId, actor);
        }
        return changes.size();
    }

    private void settleIfAllResolved(String incidentId, Actor actor) {
        Long firing = jdbc.queryForObject("SELECT count(*) FROM alert_state WHERE incident_id = ? AND status = 'FIRING'",
                Long.class, incidentId);
        IncidentView view = views.findById(incidentId).orElseThrow();
        if (firing == null || firing > 0 || !(view.status() == IncidentStatus.INVESTIGATING
                || view.status() == IncidentStatus.FIXING)) {
            return;
        }
        if (view.severity() == Severity.MINOR && settings.isAutoResolveMinor()) {
            send(new ResolveIncident(incidentId, "Every alert of the group resolved; resolved automatically"
                    + " (auto-resolve is on for Minor incidents)", null, null), actor);
            return;
        }
        send(new ChangeStatus(incidentId, IncidentStatus.MONITORING,
                "Every alert of the group resolved. Validate recovery, then resolve.", null), actor);
        send(new AddTimelineNote(incidentId, NoteKind.MILESTONE, "All alerts of the group resolved", null), actor);
    }

    /** A firing alert that was not firing before on the resolved incident: the problem is back. */
    private boolean firesAgain(String incidentId, AlertBatch batch) {
        Map<String, KnownAlert> known = knownAlerts(incidentId, batch);
        return batch.alerts().stream().filter(alert -> alert.status() == AlertStatus.FIRING)
                .anyMatch(alert -> !known.containsKey(alert.alertKey()) || !known.get(alert.alertKey()).sameAs(alert));
    }

    /** The stored state of the batch's alerts on the incident, by alert key, in one read. */
    private Map<String, KnownAlert> knownAlerts(String incidentId, AlertBatch batch) {
        Map<String, KnownAlert> known = new HashMap<>();
        jdbc.query("SELECT alert_key, status, starts_at FROM alert_state WHERE incident_id = ? AND alert_key = ANY (?)",
                (ResultSet rs) -> {
                    known.put(rs.getString(1), new KnownAlert(AlertStatus.valueOf(rs.getString(2)),
                            rs.getTimestamp(3).toInstant()));
                },
                incidentId, alertKeys(batch));
        return known;
    }

    private static String[] alertKeys(AlertBatch batch) {
        return batch.alerts().stream().map(AlertBatch.Alert::alertKey).toArray(String[]::new);
    }

    private record KnownAlert(AlertStatus status, Instant startsAt) {

        /** The alert says nothing new: same status, and the same start (an alert sent without one keeps this one). */
        boolean sameAs(AlertBatch.Alert alert) {
            return status == alert.status()
                    && (alert.startsAt() == null || startsAt.toEpochMilli() == alert.startsAt().toEpochMilli());
        }
    }

    private Optional<String> lockOpenGroup(String integration, String groupHash) {
        return jdbc.queryForList("SELECT incident_id FROM alert_group WHERE integration = ? AND group_key_hash = ?"
                + " AND open FOR UPDATE", String.class, integration, groupHash).stream().findFirst();
    }

    private void send(Object command, Actor actor) {
        gateway.sendAndWait(command, actor.toMetaData());
    }
}
