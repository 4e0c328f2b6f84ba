package io.firebreak.statuspage.readmodel;

import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.statuspage.domain.PublicLanguage;
import io.firebreak.statuspage.domain.PublicText;
import io.firebreak.statuspage.domain.PublicationPolicy;
import io.firebreak.statuspage.domain.PublicationPolicy.Candidate;
import io.firebreak.statuspage.domain.PublicationPolicy.Trigger;
import io.firebreak.statuspage.domain.UpdateText;
import io.firebreak.support.jdbc.ProcessedEvents;
import io.firebreak.support.jdbc.SequencedUpdate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects incident events into what the public page may show. Each method runs in the caller's
 * transaction and first records the event id, so a redelivered event changes nothing. Internal updates,
 * notes, roles, people, alerts, containment steps, causes and video bridges never reach these tables. Whether an
 * incident is published is {@link PublicationPolicy}'s decision, asked by each event that may change it (with its
 * kind: a security incident is published only by a customer update, a drill never).
 */
@Component
public class StatusProjection {

    private static final Logger log = LoggerFactory.getLogger(StatusProjection.class);
    static final String WITHHELD_NAME = "Service disruption";

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;
    private final SequencedUpdate incidents;
    private final PublicationPolicy policy;
    private final ComponentCatalog components;

    public StatusProjection(JdbcTemplate jdbc, PublicationPolicy policy, ComponentCatalog components) {
        this.jdbc = jdbc;
        this.processed = new ProcessedEvents(jdbc);
        this.incidents = new SequencedUpdate(jdbc, "incident");
        this.policy = policy;
        this.components = components;
    }

    /** Records the event as processed; false when it was already. */
    public boolean firstDelivery(EventHeader header) {
        return processed.firstTime(header.getEventId());
    }

    public void on(IncidentDeclared event) {
        EventHeader h = event.getHeader();
        String name = safe(h, "name", event.getTitle()).orElse(WITHHELD_NAME);
        jdbc.update("""
                INSERT INTO incident (incident_id, reference, name, severity, status, customer_impact, affected_services,
                    created_at, updated_at, last_sequence, incident_type, drill)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING""",
                h.getIncidentId(), event.getReference(), name, event.getSeverity().name(), event.getStatus().name(),
                event.getCustomerImpact(), String.join("\n", event.getAffectedServices()), ts(h.getOccurredAt()),
                ts(h.getOccurredAt()), h.getSequence(), event.getIncidentType().name(), event.getDrill());
        publishIfDue(h, Trigger.DECLARED);
    }

    public void on(SeverityChanged event) {
        if (advance(event.getHeader(), "severity = ?", event.getTo().name())) {
            publishIfDue(event.getHeader(), Trigger.SEVERITY_CHANGED);
        }
    }

    public void on(StatusChanged event) {
        String extra = event.getTo().name().equals("MONITORING") ? ", monitoring_at = coalesce(monitoring_at, ?)" : "";
        Object[] values = extra.isEmpty() ? new Object[] {event.getTo().name()}
                : new Object[] {event.getTo().name(), ts(event.getHeader().getOccurredAt())};
        advance(event.getHeader(), "status = ?" + extra, values);
    }

    public void on(CustomerImpactChanged event) {
        if (advance(event.getHeader(), "customer_impact = ?, affected_services = ?", event.getCustomerImpact(),
                String.join("\n", event.getAffectedServices()))) {
            publishIfDue(event.getHeader(), Trigger.CUSTOMER_IMPACT_CHANGED);
        }
    }

    public void on(UpdatePosted event) {
        EventHeader h = event.getHeader();
        if (!advance(h, null) || !event.getAudience().name().equals("CUSTOMER")) {
            return;
        }
        Optional<String> body = safe(h, "update", UpdateText.body(event.getWhatIsHappening(), event.getWhoIsAffected(),
                event.getWhatWeAreDoing(), event.getNextUpdateAt()));
        if (body.isEmpty()) {
            return;
        }
        addUpdate(event.getUpdateId(), h, currentPublicStatus(h.getIncidentId()), body.get());
        publishIfDue(h, Trigger.CUSTOMER_UPDATE_POSTED);
    }

    public void on(IncidentResolved event) {
        EventHeader h = event.getHeader();
        if (advance(h, "status = 'RESOLVED', resolved_at = ?", ts(event.getResolvedAt())) && published(h)) {
            addUpdate(h.getEventId(), h, "resolved", UpdateText.resolved());
        }
    }

    public void on(IncidentReopened event) {
        EventHeader h = event.getHeader();
        if (advance(h, "status = 'INVESTIGATING', resolved_at = NULL") && published(h)) {
            addUpdate(h.getEventId(), h, "investigating", UpdateText.reopened());
        }
    }

    public void on(IncidentClosed event) {
        advance(event.getHeader(), "status = 'CLOSED'");
    }

    /** Applies a change (and moves {@code updated_at}) if the event is newer than the last one applied. */
    private boolean advance(EventHeader h, String assignments, Object... values) {
        Object[] args = Arrays.copyOf(values, values.length + 1);
        args[values.length] = ts(h.getOccurredAt());
        return incidents.apply(h.getIncidentId(), h.getSequence(),
                (assignments == null ? "" : assignments + ", ") + "updated_at = ?", args);
    }

    private void publishIfDue(EventHeader h, Trigger trigger) {
        List<Boolean> due = jdbc.query("""
                SELECT i.severity, i.customer_impact,
                       EXISTS (SELECT 1 FROM incident_update u WHERE u.incident_id = i.incident_id) AS has_update,
                       i.incident_type, i.drill
                FROM incident i WHERE i.incident_id = ? AND NOT i.published AND i.status NOT IN ('RESOLVED', 'CLOSED')""",
                (rs, n) -> policy.publishNow(new Candidate(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                        IncidentType.SECURITY.name().equals(rs.getString(4)), rs.getBoolean(5)), trigger),
                h.getIncidentId());
        if (due.isEmpty() || !due.get(0)) {
            return;
        }
        jdbc.update("UPDATE incident SET published = TRUE WHERE incident_id = ?", h.getIncidentId());
        boolean hasUpdate = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM incident_update WHERE incident_id = ?)", Boolean.class, h.getIncidentId()));
        if (!hasUpdate) {
            List<String> services = jdbc.queryForList("SELECT affected_services FROM incident WHERE incident_id = ?",
                    String.class, h.getIncidentId());
            addUpdate(h.getEventId() + "-published", h, currentPublicStatus(h.getIncidentId()),
                    UpdateText.investigating(components.describe(services.isEmpty() ? "" : services.get(0))));
        }
        log.info("statuspage.published incident={}", h.getIncidentId());
    }

    private boolean published(EventHeader h) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT published FROM incident WHERE incident_id = ?",
                Boolean.class, h.getIncidentId()));
    }

    private String currentPublicStatus(String incidentId) {
        List<String> status = jdbc.queryForList("SELECT status FROM incident WHERE incident_id = ?", String.class,
                incidentId);
        return PublicLanguage.incidentStatus(status.isEmpty() ? "INVESTIGATING" : status.get(0));
    }

    private void addUpdate(String updateId, EventHeader h, String status, String body) {
        jdbc.update("INSERT INTO incident_update (update_id, incident_id, status, body, created_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (update_id) DO NOTHING", updateId, h.getIncidentId(), status, body,
                ts(h.getOccurredAt()));
    }

    /**
     * The safety net ({@link PublicText}): text with a secret never becomes public, and the attempt is logged
     * without the secret; personal data is redacted before it is stored.
     */
    private static Optional<String> safe(EventHeader h, String what, String text) {
        PublicText.Screened screened = PublicText.screen(text);
        if (screened.withheld()) {
            log.warn("security.public_text_withheld incident={} event={} field={} kind={}", h.getIncidentId(),
                    h.getEventId(), what, screened.withheldFor().code());
        }
        return screened.publishable();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
