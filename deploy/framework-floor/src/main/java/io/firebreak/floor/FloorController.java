package io.firebreak.floor;

import io.firebreak.floor.FloorMessages.AddNote;
import io.firebreak.floor.FloorMessages.DeclareIncident;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Each request one command, sent and awaited on Reactor's bounded-elastic scheduler, never on an event loop. */
@RestController
public class FloorController {

    public record DeclareRequest(String title, String severity) {
    }

    public record NoteRequest(String text) {
    }

    public record IncidentId(String id) {
    }

    private final CommandGateway gateway;

    public FloorController(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<IncidentId> declare(@RequestBody DeclareRequest request) {
        String id = UUID.randomUUID().toString();
        return Mono.fromCallable(() -> {
            gateway.sendAndWait(new DeclareIncident(id, request.title(), request.severity()));
            return new IncidentId(id);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/incidents/{id}/notes")
    public Mono<IncidentId> note(@PathVariable String id, @RequestBody NoteRequest request) {
        return Mono.fromCallable(() -> {
            gateway.sendAndWait(new AddNote(id, request.text()));
            return new IncidentId(id);
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
