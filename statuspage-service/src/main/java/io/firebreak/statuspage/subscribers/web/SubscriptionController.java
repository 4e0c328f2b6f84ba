package io.firebreak.statuspage.subscribers.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.readmodel.ComponentCatalog;
import io.firebreak.statuspage.subscribers.domain.EmailAddresses;
import io.firebreak.statuspage.subscribers.domain.LinkPurpose;
import io.firebreak.statuspage.subscribers.domain.SignedLinks;
import io.firebreak.statuspage.subscribers.storage.Subscribers;
import io.firebreak.support.problem.ApiProblem;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The public side of e-mail subscriptions: subscribe (double opt-in: a confirm link is mailed, nothing else is
 * until it is followed), confirm, and unsubscribe (a page with a button for people, and the RFC 8058 one-click
 * POST mail clients send). Unsubscribing deletes the row. Database work runs on the blocking scheduler.
 */
@RestController
public class SubscriptionController {

    private final Subscribers subscribers;
    private final SignedLinks links;
    private final SubscribeRateLimiter limiter;
    private final ComponentCatalog catalog;
    private final Scheduler blocking;
    private final String pageName;

    public SubscriptionController(Subscribers subscribers, SignedLinks links, SubscribeRateLimiter limiter,
            ComponentCatalog catalog, @Qualifier("blockingScheduler") Scheduler blocking,
            StatusPageProperties properties) {
        this.subscribers = subscribers;
        this.links = links;
        this.limiter = limiter;
        this.catalog = catalog;
        this.blocking = blocking;
        this.pageName = properties.getName();
    }

    @PostMapping(path = "/api/v1/status-page/subscribers", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<SubscriptionRequested>> subscribe(@RequestBody SubscribeRequest request,
            ServerWebExchange exchange) {
        return requested(request, exchange)
                .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(SubscriptionRequested.pending()));
    }

    /** The status page's own form (no script): the same request, answered with a page instead of JSON. */
    @PostMapping(path = "/subscriptions", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> subscribeFromPage(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            SubscribeRequest request = new SubscribeRequest(form.getFirst("email"), form.get("components"));
            return requested(request, exchange).thenReturn(html(HttpStatus.ACCEPTED, LinkPages.page(pageName,
                    "Check your inbox", "We sent a link to confirm your subscription. Nothing is sent to you until"
                            + " you follow it.")));
        }).onErrorResume(ApiProblem.class, problem -> Mono.just(html(problem.status(),
                LinkPages.page(pageName, "Not subscribed", problem.getMessage() == null
                        ? "Check the address and try again." : problem.getMessage()))));
    }

    private Mono<Void> requested(SubscribeRequest request, ServerWebExchange exchange) {
        if (request.email() == null || request.email().isBlank()) {
            throw ApiProblem.invalid("email", "'email' is required");
        }
        if (!EmailAddresses.valid(request.email().strip())) {
            throw ApiProblem.invalid("email", "'email' is not an e-mail address");
        }
        List<String> components = ComponentChoice.validate(request.components(), catalog);
        String address = EmailAddresses.normalize(request.email());
        limiter.check(clientIp(exchange), address);
        return Mono.fromRunnable(() -> subscribers.requestEmail(address, components)).subscribeOn(blocking).then();
    }

    @GetMapping(path = "/subscriptions/confirm", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> confirm(@RequestParam(required = false) String token) {
        Optional<String> subscriber = links.verify(LinkPurpose.CONFIRM, token);
        if (subscriber.isEmpty()) {
            return Mono.just(html(HttpStatus.BAD_REQUEST, LinkPages.page(pageName, "This link does not work",
                    "The confirm link is not valid or has expired. Subscribe again to get a new one.")));
        }
        return Mono.fromCallable(() -> subscribers.confirm(subscriber.get())).subscribeOn(blocking)
                .map(confirmed -> confirmed
                        ? html(HttpStatus.OK, LinkPages.page(pageName, "Subscription confirmed",
                                "You will get an e-mail when an incident affecting you is posted, updated and resolved."
                                        + " Every e-mail has a link to unsubscribe."))
                        : html(HttpStatus.NOT_FOUND, LinkPages.page(pageName, "No such subscription",
                                "This subscription no longer exists. Subscribe again if you want notices.")));
    }

    @GetMapping(path = "/subscriptions/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> unsubscribePage(@RequestParam(required = false) String token) {
        if (links.verify(LinkPurpose.UNSUBSCRIBE, token).isEmpty()) {
            return Mono.just(invalidUnsubscribe());
        }
        return Mono.just(html(HttpStatus.OK, LinkPages.unsubscribeForm(pageName, token)));
    }

    /** The button on the page, and RFC 8058's one-click POST ({@code List-Unsubscribe=One-Click}); idempotent. */
    @PostMapping(path = "/subscriptions/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> unsubscribe(@RequestParam(required = false) String token) {
        Optional<String> subscriber = links.verify(LinkPurpose.UNSUBSCRIBE, token);
        if (subscriber.isEmpty()) {
            return Mono.just(invalidUnsubscribe());
        }
        return Mono.fromCallable(() -> subscribers.delete(subscriber.get())).subscribeOn(blocking)
                .map(deleted -> html(HttpStatus.OK, LinkPages.page(pageName, "You are unsubscribed",
                        "Your address has been deleted; you will get no more notices from " + pageName + ".")));
    }

    private ResponseEntity<String> invalidUnsubscribe() {
        return html(HttpStatus.BAD_REQUEST, LinkPages.page(pageName, "This link does not work",
                "The unsubscribe link is not valid. Use the link from the latest e-mail you got."));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML,
                java.nio.charset.StandardCharsets.UTF_8)).cacheControl(CacheControl.noStore()).body(body);
    }

    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
