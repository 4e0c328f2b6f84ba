package io.firebreak.statuspage.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.readmodel.StatusModel;
import io.firebreak.statuspage.readmodel.StatusModel.PublicIncident;
import io.firebreak.statuspage.readmodel.StatusModel.PublicMaintenance;
import io.firebreak.statuspage.readmodel.StatusModelStore;
import io.firebreak.statuspage.readmodel.StatusProjection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every representation of the page, rendered once per change (whichever instance applied it) and once a minute, so
 * relative times stay true, and served from memory: a request costs a map lookup, never a query or a render. The model is read from
 * the database on the Kafka consumer thread, the scheduler's thread and at start-up (before the server takes
 * requests); should a request ever find nothing rendered, that first read runs on the blocking scheduler, never on
 * the Netty event loop.
 */
@Component
public class RenderedPages implements SmartInitializingSingleton {

    /** One ready-to-send response body with its validator. */
    public record Representation(byte[] body, String contentType, String etag) {
    }

    private final StatusModelStore store;
    private final StatusProjection projection;
    private final Scheduler blocking;
    private final JsonMapper json;
    private final StatuspageDocuments documents;
    private final HtmlPages html;
    private final Feeds feeds;
    private final AtomicReference<Map<String, Representation>> rendered = new AtomicReference<>(Map.of());

    public RenderedPages(StatusModelStore store, @Qualifier("blockingScheduler") Scheduler blocking, JsonMapper json,
            StatusPageProperties page, StatusProjection projection) {
        this.store = store;
        this.projection = projection;
        this.blocking = blocking;
        this.json = json;
        this.documents = new StatuspageDocuments(page);
        this.html = new HtmlPages(page);
        this.feeds = new Feeds(page);
        store.onChange(this::render);
    }

    /** The first render, on the start-up thread once the database is migrated, before the port opens. */
    @Override
    public void afterSingletonsInstantiated() {
        // public titles follow the configured component names (V5 left the generic one on older rows)
        projection.retitleAll();
        store.refresh();
    }

    /** The representation of {@code path}, if the page has one. */
    public Mono<Optional<Representation>> get(String path) {
        if (rendered.get().isEmpty()) {
            // nothing rendered yet: read the model off the event loop (the change listener renders it)
            return Mono.fromRunnable(store::refresh).subscribeOn(blocking).then(Mono.fromSupplier(() -> rendered(path)));
        }
        return Mono.just(rendered(path));
    }

    /** What is rendered now for {@code path}; never reads the database. */
    public Optional<Representation> rendered(String path) {
        return Optional.ofNullable(rendered.get().get(path));
    }

    /** Drops everything rendered, as before the first render (for tests of that path). */
    void forget() {
        rendered.set(Map.of());
    }

    @Scheduled(fixedDelayString = "${firebreak.statuspage.rerender-interval:60s}")
    void rerender() {
        store.refresh();
    }

    /**
     * Renders what another instance's consumer stored: with several instances each applies the events of its own
     * partitions, and this one learns of the rest from the page's revision (one single-row read per poll).
     */
    @Scheduled(fixedDelayString = "${firebreak.statuspage.change-poll-interval:500ms}")
    void renderChangesFromOtherInstances() {
        store.refreshIfChanged();
    }

    synchronized void render(StatusModel model) {
        Pages pages = new Pages(rendered.get());
        String jsonType = "application/json";
        pages.json("/api/v2/summary.json", documents.summary(model), jsonType);
        pages.json("/api/v2/status.json", documents.status(model, true), jsonType);
        pages.json("/api/v2/components.json", documents.components(model, true), jsonType);
        pages.json("/api/v2/incidents.json", documents.incidents(model, false), jsonType);
        pages.json("/api/v2/incidents/unresolved.json", documents.incidents(model, true), jsonType);
        pages.json("/api/v2/scheduled-maintenances.json", documents.maintenances(model, model.maintenances()), jsonType);
        pages.json("/api/v2/scheduled-maintenances/upcoming.json",
                documents.maintenances(model, model.upcomingMaintenances()), jsonType);
        pages.json("/api/v2/scheduled-maintenances/active.json",
                documents.maintenances(model, model.activeMaintenances()), jsonType);
        String htmlType = "text/html;charset=UTF-8";
        pages.text("/", html.home(model), htmlType);
        pages.text("/history", html.history(model), htmlType);
        for (PublicIncident incident : model.incidents()) {
            pages.text("/incidents/" + incident.id(), html.incidentPage(model, incident), htmlType);
        }
        for (PublicMaintenance maintenance : model.maintenances()) {
            pages.text("/incidents/" + maintenance.id(), html.maintenancePage(model, maintenance), htmlType);
        }
        pages.text("/history.atom", feeds.atom(model), "application/atom+xml;charset=UTF-8");
        pages.text("/history.rss", feeds.rss(model), "application/rss+xml;charset=UTF-8");
        rendered.set(Map.copyOf(pages.next));
    }

    /**
     * One render's pages. A page whose bytes are those already served keeps its representation and ETag: there is a
     * page per shown incident, and digesting every one of them after each change was most of the consumer's time
     * under an alert storm, while a change touches a few.
     */
    private final class Pages {

        private final Map<String, Representation> previous;
        private final Map<String, Representation> next = new HashMap<>();

        Pages(Map<String, Representation> previous) {
            this.previous = previous;
        }

        void json(String path, Object document, String type) {
            put(path, RenderedPages.this.json.writeValueAsBytes(document), type);
        }

        void text(String path, String text, String type) {
            put(path, text.getBytes(StandardCharsets.UTF_8), type);
        }

        private void put(String path, byte[] body, String type) {
            Representation before = previous.get(path);
            // a path's content type never changes: its bytes alone say whether the page did
            next.put(path, before != null && Arrays.equals(before.body(), body) ? before : representation(body, type));
        }
    }

    /**
     * The validator is the body's length and two CRCs of different polynomials (64 bits): a page's versions are told
     * apart, and nobody gains by forging a collision on a public page. It was SHA-256, which the stack's C1-only JIT
     * runs without its intrinsic: ~7 ms per MB on 2 cores against ~0.1 ms for these, and a quarter of the consumer
     * thread under the benchmark's alert storm (BENCHMARKS.md), since the site-wide pages change with every poll.
     */
    static String etag(byte[] body) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(body);
        CRC32 ieee = new CRC32();
        ieee.update(body);
        HexFormat hex = HexFormat.of();
        return "\"" + Integer.toHexString(body.length) + "-" + hex.toHexDigits((int) castagnoli.getValue())
                + hex.toHexDigits((int) ieee.getValue()) + "\"";
    }

    private static Representation representation(byte[] body, String type) {
        return new Representation(body, type, etag(body));
    }
}
