package io.firebreak.schemas;

import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.AlertAttached;
import io.firebreak.schemas.incident.AlertStatus;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ComponentStatus;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.ExposureKind;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Person;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.TimelineNoteAdded;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.incident.VideoBridgeAttached;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** One realistic event of every type, all belonging to one incident, in sequence order. */
public final class SampleEvents {

    public static final Instant T0 = Instant.parse("2026-11-25T01:07:14Z");

    private SampleEvents() {
    }

    public static List<SpecificRecord> oneOfEach(String incidentId) {
        Person lead = new Person("u-ana", "Ana Lead", "ana@example.com", "U0ANA");
        return List.of(
                new IncidentDeclared(header(incidentId, 0), "INC-42", "Checkout error rate above 5%",
                        "5xx ratio on /checkout is 7.2% over 5m", Severity.CRITICAL, IncidentStatus.INVESTIGATING,
                        true, List.of("checkout"), IncidentSource.ALERTMANAGER,
                        "{}:{alertname=\"CheckoutErrorRate\", service=\"checkout\"}", "critical", T0,
                        "inc-2026-11-25-checkout-error-rate-above-5", IncidentType.SECURITY, false,
                        List.of(ExposureKind.CARD_DATA)),
                new SeverityChanged(header(incidentId, 1), Severity.CRITICAL, Severity.MAJOR, "cohort only"),
                new StatusChanged(header(incidentId, 2), IncidentStatus.INVESTIGATING, IncidentStatus.FIXING,
                        "rolling back"),
                new UpdatePosted(header(incidentId, 3), UUID.randomUUID().toString(), Audience.CUSTOMER,
                        "Checkout fails for some customers", "Customers paying by card",
                        "Rolling back the last deploy", T0.plusSeconds(1800), null),
                new RoleAssigned(header(incidentId, 4), IncidentRole.INCIDENT_LEAD, lead, null, false),
                new TimelineNoteAdded(header(incidentId, 5), NoteKind.DECISION, "Roll back 2026.11.24-3"),
                new AlertAttached(header(incidentId, 6), "alertmanager", "d12e2d0a324a312d", AlertStatus.FIRING,
                        "Checkout error rate above 5%", Map.of("service", "checkout", "instance", "web-0"), T0,
                        null, "http://prometheus:9090/graph?g0.expr=checkout_errors"),
                new CustomerImpactChanged(header(incidentId, 7), true, List.of("checkout", "payments")),
                new IncidentResolved(header(incidentId, 8), "Rolled back", T0.plusSeconds(600),
                        T0.plusSeconds(900)),
                new IncidentReopened(header(incidentId, 9), "Errors are back"),
                new IncidentClosed(header(incidentId, 10), "https://docs.example/debriefs/inc-42"),
                new ContainmentStepRecorded(header(incidentId, 11), ContainmentLever.FEATURE_FLAG_OFF,
                        ContainmentOutcome.CONTAINED, "checkout-v2 flag off"),
                new CauseIdentified(header(incidentId, 12), "Connection pool exhausted by the new retry loop"),
                new VideoBridgeAttached(header(incidentId, 13), "https://meet.example.com/inc-42"),
                new StatusPagePublished(header(incidentId, 14), "Checkout is degraded", "Some payments fail."),
                new PublicWordingEdited(header(incidentId, 15), null, "Card payments fail for some customers."),
                new ComponentStatusSet(header(incidentId, 16), "checkout", ComponentStatus.PARTIAL_OUTAGE),
                new CustomerEmailSent(header(incidentId, 17), null, null),
                new StatusPageHidden(header(incidentId, 18), "Wrong component"));
    }

    public static EventHeader header(String incidentId, long sequence) {
        return new EventHeader(UUID.randomUUID().toString(), incidentId, sequence,
                T0.plusSeconds(sequence * 60), new Actor("u-ana", "Ana Lead", ActorKind.HUMAN));
    }
}
