package io.firebreak.statuspage.web;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every public path, served from {@link RenderedPages} with an {@code ETag} and {@code Cache-Control: max-age=10};
 * a matching {@code If-None-Match} gets 304. Built to be hammered during an incident.
 */
@RestController
public class StatusPageHandler {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic();

    private final RenderedPages pages;

    public StatusPageHandler(RenderedPages pages) {
        this.pages = pages;
    }

    @GetMapping({"/", "/history", "/history.atom", "/history.rss", "/api/v2/summary.json", "/api/v2/status.json",
            "/api/v2/components.json", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
            "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
            "/api/v2/scheduled-maintenances/active.json"})
    public Mono<ResponseEntity<byte[]>> page(ServerWebExchange exchange) {
        return serve(exchange.getRequest().getPath().pathWithinApplication().value(), exchange);
    }

    @GetMapping("/incidents/{id}")
    public Mono<ResponseEntity<byte[]>> incident(@PathVariable String id, ServerWebExchange exchange) {
        return serve("/incidents/" + id, exchange);
    }

    private Mono<ResponseEntity<byte[]>> serve(String path, ServerWebExchange exchange) {
        return pages.get(path).map(representation -> representation.map(page -> {
            String ifNoneMatch = exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH);
            if (ifNoneMatch != null && (ifNoneMatch.equals(page.etag()) || ifNoneMatch.equals("W/" + page.etag()))) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(page.etag()).cacheControl(CACHE)
                        .<byte[]>build();
            }
            return ResponseEntity.ok().eTag(page.etag()).cacheControl(CACHE)
                    .contentType(MediaType.parseMediaType(page.contentType())).body(page.body());
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .body("Not found".getBytes())));
    }
}
