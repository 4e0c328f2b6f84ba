package io.firebreak.floor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.firebreak.floor.FloorMessages.AddNote;
import io.firebreak.floor.FloorMessages.DeclareIncident;
import io.firebreak.floor.FloorMessages.IncidentDeclared;
import io.firebreak.floor.FloorMessages.NoteAdded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An event-sourced aggregate with Axon's default repository: each command loads and replays its events. */
@Aggregate
public class FloorIncident {

    @AggregateIdentifier
    private String id;

    protected FloorIncident() {
    }

    @CommandHandler
    public FloorIncident(DeclareIncident command) {
        apply(new IncidentDeclared(command.id(), command.title(), command.severity()));
    }

    @CommandHandler
    void handle(AddNote command) {
        apply(new NoteAdded(command.id(), command.text()));
    }

    @EventSourcingHandler
    void on(IncidentDeclared event) {
        this.id = event.id();
    }
}
