package io.firebreak.floor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The floor aggregate's commands and events. */
public final class FloorMessages {

    private FloorMessages() {
    }

    public record DeclareIncident(String id, String title, String severity) {
    }

    public record AddNote(@TargetAggregateIdentifier String id, String text) {
    }

    public record IncidentDeclared(String id, String title, String severity) {
    }

    public record NoteAdded(String id, String text) {
    }
}
