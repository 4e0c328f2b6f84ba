package io.firebreak.notification.web;

import io.firebreak.notification.acklink.AckLinks;
import io.firebreak.notification.engine.LinkAcknowledgements;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Acknowledge links opened on a phone: public routes (see AccessRules) that are only good with a valid signature.
 * GET shows a confirmation with a button and changes nothing, since mail scanners and link previews fetch links;
 * POST (the button) acknowledges. Answers are HTML; the token (a credential) is never cached, sent on as a referrer
 * or logged.
 */
@RestController
public class AckLinkController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final LinkAcknowledgements links;
    private final Scheduler blocking;

    public AckLinkController(LinkAcknowledgements links, Scheduler blockingScheduler) {
        this.links = links;
        this.blocking = blockingScheduler;
    }

    @GetMapping(path = AckLinks.PATH, produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> confirm(@PathVariable String token) {
        return Mono.fromCallable(() -> respond(AckLinkPages.of(links.look(token)))).subscribeOn(blocking);
    }

    @PostMapping(path = AckLinks.PATH, produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> acknowledge(@PathVariable String token) {
        return Mono.fromCallable(() -> respond(AckLinkPages.of(links.redeem(token)))).subscribeOn(blocking);
    }

    private static ResponseEntity<String> respond(AckLinkPages.Rendered page) {
        return ResponseEntity.status(page.status()).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .body(page.html());
    }
}
