package io.firebreak.schemas.catalog;

import java.util.List;
import org.apache.avro.Schema;

/** Every event schema Firebreak publishes, on every topic. */
public final class EventCatalog {

    public static final List<Schema> ALL_SCHEMAS = List.copyOf(IncidentEvents.SCHEMAS);

    private EventCatalog() {
    }
}
