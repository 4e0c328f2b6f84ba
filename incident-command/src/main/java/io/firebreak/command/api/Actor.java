package io.firebreak.command.api;

import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Who issued a command; travels as command metadata and is copied onto every event the command causes.
 *
 * @param kind HUMAN, INTEGRATION or SYSTEM
 */
public record Actor(String id, String displayName, String kind) {

    public static final String ID = "actorId";
    public static final String NAME = "actorName";
    public static final String KIND = "actorKind";
    public static final List<String> METADATA_KEYS = List.of(ID, NAME, KIND);

    public static final Actor SYSTEM = new Actor("firebreak", "Firebreak", "SYSTEM");

    public MetaData toMetaData() {
        return MetaData.from(Map.of(ID, id, NAME, displayName, KIND, kind));
    }

    /** The actor recorded on a message, or {@link #SYSTEM} when none was. */
    public static Actor from(MetaData metaData) {
        Object id = metaData.get(ID);
        if (id == null) {
            return SYSTEM;
        }
        Object name = metaData.get(NAME);
        Object kind = metaData.get(KIND);
        return new Actor(id.toString(), name == null ? id.toString() : name.toString(),
                kind == null ? "HUMAN" : kind.toString());
    }
}
