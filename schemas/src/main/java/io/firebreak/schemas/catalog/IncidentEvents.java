package io.firebreak.schemas.catalog;

import io.firebreak.schemas.incident.AlertAttached;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.CustomerImpactChanged;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentClosed;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentReopened;
import io.firebreak.schemas.incident.IncidentResolved;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.SeverityChanged;
import io.firebreak.schemas.incident.StatusChanged;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.TimelineNoteAdded;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.schemas.incident.VideoBridgeAttached;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** The catalogue of event types on {@link Topics#INCIDENT_EVENTS}. */
public final class IncidentEvents {

    /** Every event type that may appear on the incident topic. */
    public static final List<Class<? extends SpecificRecord>> TYPES = List.of(
            IncidentDeclared.class,
            SeverityChanged.class,
            StatusChanged.class,
            UpdatePosted.class,
            RoleAssigned.class,
            TimelineNoteAdded.class,
            AlertAttached.class,
            CustomerImpactChanged.class,
            IncidentResolved.class,
            IncidentReopened.class,
            IncidentClosed.class,
            ContainmentStepRecorded.class,
            CauseIdentified.class,
            VideoBridgeAttached.class,
            StatusPagePublished.class,
            StatusPageHidden.class,
            PublicWordingEdited.class,
            ComponentStatusSet.class,
            CustomerEmailSent.class);

    /** The current schema of every event type, in catalogue order. */
    public static final List<Schema> SCHEMAS = List.of(
            IncidentDeclared.SCHEMA$,
            SeverityChanged.SCHEMA$,
            StatusChanged.SCHEMA$,
            UpdatePosted.SCHEMA$,
            RoleAssigned.SCHEMA$,
            TimelineNoteAdded.SCHEMA$,
            AlertAttached.SCHEMA$,
            CustomerImpactChanged.SCHEMA$,
            IncidentResolved.SCHEMA$,
            IncidentReopened.SCHEMA$,
            IncidentClosed.SCHEMA$,
            ContainmentStepRecorded.SCHEMA$,
            CauseIdentified.SCHEMA$,
            VideoBridgeAttached.SCHEMA$,
            StatusPagePublished.SCHEMA$,
            StatusPageHidden.SCHEMA$,
            PublicWordingEdited.SCHEMA$,
            ComponentStatusSet.SCHEMA$,
            CustomerEmailSent.SCHEMA$);

    private IncidentEvents() {
    }

    /**
     * The header of any event in the catalogue: every event record has a field named {@code header}.
     *
     * @throws IllegalArgumentException for a record that is not a Firebreak event
     */
    public static EventHeader header(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("header");
        if (field == null || !(event.get(field.pos()) instanceof EventHeader header)) {
            throw new IllegalArgumentException(
                    event.getSchema().getFullName() + " is not a Firebreak event: it has no EventHeader");
        }
        return header;
    }

    /** The simple event type name (e.g. {@code IncidentDeclared}) used in Kafka headers and logs. */
    public static String typeName(SpecificRecord event) {
        return event.getSchema().getName();
    }
}
