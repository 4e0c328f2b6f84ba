package io.firebreak.statuspage.subscribers.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.readmodel.ComponentCatalog;
import io.firebreak.statuspage.subscribers.storage.Channel;
import io.firebreak.statuspage.subscribers.storage.Subscribers;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.security.Caller;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Webhook subscribers ({@code statuspage:write}): created with a signing secret shown once, and deleted. */
@RestController
public class WebhookController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Subscribers subscribers;
    private final ComponentCatalog catalog;
    private final Scheduler blocking;
    private final boolean allowLoopbackHttp;

    public WebhookController(Subscribers subscribers, ComponentCatalog catalog,
            @Qualifier("blockingScheduler") Scheduler blocking, StatusPageProperties properties) {
        this.subscribers = subscribers;
        this.catalog = catalog;
        this.blocking = blocking;
        this.allowLoopbackHttp = properties.getSubscribers().isAllowLoopbackHttpWebhooks();
    }

    @PostMapping(path = "/api/v1/status-page/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<WebhookCreated>> create(@RequestBody CreateWebhookRequest request,
            ServerWebExchange exchange) {
        String url = WebhookUrls.validate(request.url(), allowLoopbackHttp);
        List<String> components = ComponentChoice.validate(request.components(), catalog);
        Caller caller = Caller.of(exchange);
        String id = UUID.randomUUID().toString();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + HexFormat.of().formatHex(key);
        return Mono.fromCallable(() -> subscribers.createWebhook(id, url, components, secret, caller.id()))
                .subscribeOn(blocking)
                .map(createdAt -> ResponseEntity.status(HttpStatus.CREATED)
                        .header("Location", "/api/v1/status-page/webhooks/" + id)
                        .body(new WebhookCreated(id, url, components, secret, createdAt)));
    }

    @DeleteMapping("/api/v1/status-page/webhooks/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return Mono.fromCallable(() -> subscribers.delete(id, Channel.WEBHOOK)).subscribeOn(blocking)
                .map(deleted -> {
                    if (!deleted) {
                        throw ApiProblem.notFound("webhook with this id");
                    }
                    return ResponseEntity.noContent().<Void>build();
                });
    }
}
