package io.firebreak.statuspage.readmodel;

import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.statuspage.domain.PublicLanguage;
import io.firebreak.statuspage.domain.PublicText;
import io.firebreak.statuspage.domain.PublicTitle;
import io.firebreak.statuspage.domain.PublicationPolicy;
import io.firebreak.statuspage.domain.PublicationPolicy.Candidate;
import io.firebreak.statuspage.domain.PublicationPolicy.Trigger;
import io.firebreak.statuspage.domain.UpdateText;
import io.firebreak.support.jdbc.ProcessedEvents;
import io.firebreak.support.jdbc.SequencedUpdate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Projects incident events into what the public page may show. Each method runs in the caller's
 * transaction and first records the event id, so a redelivered event changes nothing. Internal updates,
 * notes, roles, people, alerts, containment steps, causes and video bridges never reach these tables. Whether an
 * incident is published is {@link PublicationPolicy}'s decision, asked by each event that may change it (with its
 * kind: a security incident is published only by a customer update, a drill never), unless the comms owner publishes
 * or hides it by hand (schema release 8). The column {@code name} holds the public title, never the internal one.
 */
@Component
public class StatusProjection {

    private static final Logger log = LoggerFactory.getLogger(StatusProjection.class);
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

    /** Records a poll's event ids as processed in one statement; returns those delivered for the first time. */
    public Set<String> firstDeliveries(List<String> eventIds) {
        return processed.firstTimes(eventIds);
    }

    public void on(IncidentDeclared event) {
        EventHeader h = event.getHeader();
        // the internal title (event.getTitle()) is for responders: the page derives its own from the components
        String name = derivedTitle(String.join("\n", event.getAffectedServices()), event.getSeverity().name());
        Instant impactStart = event.getDetectedAt() != null && event.getDetectedAt().isBefore(h.getOccurredAt())
                ? event.getDetectedAt() : h.getOccurredAt();
        jdbc.update("""
                INSERT INTO incident (incident_id, reference, name, severity, status, customer_impact, affected_services,
                    created_at, updated_at, last_sequence, incident_type, drill, impact_started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING""",
                h.getIncidentId(), event.getReference(), name, event.getSeverity().name(), event.getStatus().name(),
                event.getCustomerImpact(), String.join("\n", event.getAffectedServices()), ts(h.getOccurredAt()),
                ts(h.getOccurredAt()), h.getSequence(), event.getIncidentType().name(), event.getDrill(),
                ts(impactStart));
        publishIfDue(h, Trigger.DECLARED);
    }

    public void on(SeverityChanged event) {
        if (advance(event.getHeader(), "severity = ?", event.getTo().name())) {
            retitle(event.getHeader().getIncidentId());
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
            retitle(event.getHeader().getIncidentId());
            publishIfDue(event.getHeader(), Trigger.CUSTOMER_IMPACT_CHANGED);
        }
    }

    public void on(UpdatePosted event) {
        EventHeader h = event.getHeader();
        if (!advance(h, null) || !event.getAudience().name().equals("CUSTOMER")) {
            return;
        }
        Optional<String> body = safe(h, "update", UpdateText.body(event.getWhatIsHappening(), event.getWhoIsAffected(),
                event.getWhatWeAreDoing(), event.getWhatYouCanDo(), event.getNextUpdateAt()));
        if (body.isEmpty()) {
            return;
        }
        addUpdate(event.getUpdateId(), h, currentPublicStatus(h.getIncidentId()), body.get());
        publishIfDue(h, Trigger.CUSTOMER_UPDATE_POSTED);
    }

    public void on(IncidentResolved event) {
        EventHeader h = event.getHeader();
        if (!advance(h, "status = 'RESOLVED', resolved_at = ?", ts(event.getResolvedAt()))) {
            return;
        }
        // a component status set by hand holds until the incident resolves
        jdbc.update("DELETE FROM component_override WHERE incident_id = ?", h.getIncidentId());
        if (published(h)) {
            List<Timestamp> start = jdbc.queryForList("SELECT impact_started_at FROM incident WHERE incident_id = ?",
                    Timestamp.class, h.getIncidentId());
            Instant impactStart = start.isEmpty() || start.get(0) == null ? null : start.get(0).toInstant();
            addUpdate(h.getEventId(), h, "resolved", UpdateText.resolved(impactStart, event.getResolvedAt()));
        }
    }

    public void on(IncidentReopened event) {
        EventHeader h = event.getHeader();
        if (advance(h, "status = 'INVESTIGATING', resolved_at = NULL") && published(h)) {
            addUpdate(h.getEventId(), h, "investigating", UpdateText.reopened());
        }
    }

    /**
     * The comms owner's "publish now": whatever the rules say, except for a drill (kept off the page, its wording
     * still stored). The first entry is the public message when one was given, else the generic "investigating".
     */
    public void on(StatusPagePublished event) {
        EventHeader h = event.getHeader();
        if (!advance(h, null)) {
            return;
        }
        setWording(h, event.getPublicTitle(), event.getPublicMessage());
        List<Boolean> drill = jdbc.queryForList("SELECT drill FROM incident WHERE incident_id = ?", Boolean.class,
                h.getIncidentId());
        if (drill.isEmpty() || !policy.publishByHand(drill.get(0))) {
            return;
        }
        jdbc.update("UPDATE incident SET published = TRUE, hidden = FALSE WHERE incident_id = ?", h.getIncidentId());
        addFirstEntry(h);
        log.info("statuspage.published_by_hand incident={} by={}", h.getIncidentId(), h.getActor().getId());
    }

    /** Off the page, the feeds and the v2 documents; the rules never publish it again, only the comms owner. */
    public void on(StatusPageHidden event) {
        advance(event.getHeader(), "published = FALSE, hidden = TRUE");
    }

    public void on(PublicWordingEdited event) {
        if (advance(event.getHeader(), null)) {
            setWording(event.getHeader(), event.getPublicTitle(), event.getPublicMessage());
        }
    }

    /** A component id the page does not configure is ignored: nothing to show it on, and no reason to dead-letter. */
    public void on(ComponentStatusSet event) {
        EventHeader h = event.getHeader();
        if (!advance(h, null) || components.find(event.getComponent()).isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO component_override (incident_id, component_id, status, set_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (incident_id, component_id) DO UPDATE SET status = EXCLUDED.status, set_at = EXCLUDED.set_at""",
                h.getIncidentId(), event.getComponent(), event.getStatus().name().toLowerCase(Locale.ROOT),
                ts(h.getOccurredAt()));
    }

    /**
     * Re-derives the public titles not set by hand, e.g. after the component map changed (at start-up), and writes only
     * those that differ: one read of every row, and at an ordinary start no write. It used to read and rewrite each
     * row with two statements of its own, so every start cost two round trips and a commit per incident ever shown.
     *
     * @return how many titles changed
     */
    public int retitleAll() {
        return writeDerivedTitles("");
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
                       i.incident_type, i.drill, i.affected_services, i.hidden
                FROM incident i WHERE i.incident_id = ? AND NOT i.published AND i.status NOT IN ('RESOLVED', 'CLOSED')""",
                (rs, n) -> policy.publishNow(new Candidate(rs.getString(1), rs.getBoolean(2),
                        !components.affectedBy(services(rs.getString(6))).isEmpty(), rs.getBoolean(3),
                        IncidentType.SECURITY.name().equals(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(7)),
                        trigger),
                h.getIncidentId());
        if (due.isEmpty() || !due.get(0)) {
            return;
        }
        jdbc.update("UPDATE incident SET published = TRUE WHERE incident_id = ?", h.getIncidentId());
        addFirstEntry(h);
        log.info("statuspage.published incident={}", h.getIncidentId());
    }

    /** The automatic first entry of a published incident that has none yet: its public message, or "investigating". */
    private void addFirstEntry(EventHeader h) {
        record Row(boolean hasUpdate, String services, String message) {
        }
        Row row = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM incident_update u WHERE u.incident_id = i.incident_id), i.affected_services,
                       i.public_message FROM incident i WHERE i.incident_id = ?""",
                (rs, n) -> new Row(rs.getBoolean(1), rs.getString(2), rs.getString(3)), h.getIncidentId());
        if (!row.hasUpdate()) {
            addUpdate(h.getEventId() + "-published", h, currentPublicStatus(h.getIncidentId()),
                    row.message() != null ? row.message() : UpdateText.investigating(components.describe(row.services())));
        }
    }

    /** A public title or message set by the comms owner, screened like every public text; null keeps the current. */
    private void setWording(EventHeader h, String title, String message) {
        safe(h, "publicTitle", blankToNull(title)).ifPresent(t -> jdbc.update(
                "UPDATE incident SET name = ?, title_set_by_hand = TRUE WHERE incident_id = ?", t, h.getIncidentId()));
        safe(h, "publicMessage", blankToNull(message)).ifPresent(m -> jdbc.update(
                "UPDATE incident SET public_message = ? WHERE incident_id = ?", m, h.getIncidentId()));
    }

    /** The default public title again, after the severity or the affected services changed, unless set by hand. */
    private void retitle(String incidentId) {
        writeDerivedTitles(" AND incident_id = ?", incidentId);
    }

    /** Writes the derived title of the rows (not titled by hand) that {@code which} selects, where it differs. */
    private int writeDerivedTitles(String which, Object... args) {
        List<Object[]> changed = new ArrayList<>();
        jdbc.query("SELECT incident_id, name, severity, affected_services FROM incident WHERE NOT title_set_by_hand"
                + which, (RowCallbackHandler) rs -> {
                    String title = derivedTitle(rs.getString(4), rs.getString(3));
                    if (!title.equals(rs.getString(2))) {
                        changed.add(new Object[] {title, rs.getString(1)});
                    }
                }, args);
        if (!changed.isEmpty()) {
            jdbc.batchUpdate("UPDATE incident SET name = ? WHERE incident_id = ? AND NOT title_set_by_hand", changed);
        }
        return changed.size();
    }

    private String derivedTitle(String newlineSeparatedServices, String severity) {
        List<String> names = components.affectedBy(services(newlineSeparatedServices)).stream()
                .map(c -> PublicText.redact(c.getName())).toList();
        return PublicTitle.derived(names, severity);
    }

    private static java.util.Set<String> services(String newlineSeparated) {
        return new HashSet<>(Arrays.asList(newlineSeparated.split("\n")));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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
