package io.firebreak.schemas.catalog;

import io.firebreak.schemas.debrief.DebriefCompleted;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** Every event schema Firebreak publishes, on every topic. */
public final class EventCatalog {

    public static final List<Schema> ALL_SCHEMAS;

    static {
        List<Schema> all = new ArrayList<>(IncidentEvents.SCHEMAS);
        all.add(DebriefCompleted.SCHEMA$);
        all.add(io.firebreak.schemas.paging.PageTriggered.SCHEMA$);
        all.add(io.firebreak.schemas.paging.PageAcknowledged.SCHEMA$);
        all.add(io.firebreak.schemas.paging.EscalationAdvanced.SCHEMA$);
        all.add(io.firebreak.schemas.paging.EscalationStopped.SCHEMA$);
        all.add(io.firebreak.schemas.command.IncidentCommandRequested.SCHEMA$);
        all.add(io.firebreak.schemas.command.IncidentCommandHandled.SCHEMA$);
        ALL_SCHEMAS = List.copyOf(all);
    }

    private EventCatalog() {
    }
}
