package io.firebreak.statuspage.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.readmodel.StatusModel;
import io.firebreak.statuspage.readmodel.StatusModel.PublicIncident;
import io.firebreak.statuspage.readmodel.StatusModel.PublicMaintenance;
import io.firebreak.statuspage.readmodel.StatusModelStore;
import io.firebreak.statuspage.readmodel.StatusProjection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
 * Every representation of the page, served from memory and rendered at most once per change of the public model: a
 * change (whichever instance applied it) or the once-a-minute refresh, which keeps relative times true, replaces the
 * model, and each path is rendered on its first request after that, then served as is. A change therefore costs one
 * read of the model, not a render of every page: there is a page per shown incident, and re-rendering all of them on
 * the Kafka consumer thread after each changed poll was most of that thread's work under an alert storm
 * (BENCHMARKS.md). The model is read on the consumer thread, the scheduler's thread and at start-up (before the
 * server takes requests); a render and, should a request find no model yet, that first read run on the blocking
 * scheduler, never on the Netty event loop.
 */
@Component
public class RenderedPages implements SmartInitializingSingleton {

    /** One ready-to-send response body with its validator. */
    public record Representation(byte[] body, String contentType, String etag) {
    }

    private static final String JSON = "application/json";
    private static final String HTML = "text/html;charset=UTF-8";
    private static final String INCIDENT_PAGES = "/incidents/";

    private final StatusModelStore store;
    private final StatusProjection projection;
    private final Scheduler blocking;
    private final JsonMapper json;
    private final StatuspageDocuments documents;
    private final HtmlPages html;
    private final Feeds feeds;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicLong renders = new AtomicLong();

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

    /** The first read of the model, on the start-up thread once the database is migrated, before the port opens. */
    @Override
    public void afterSingletonsInstantiated() {
        // public titles follow the configured component names (V5 left the generic one on older rows)
        projection.retitleAll();
        store.refresh();
    }

    /** The representation of {@code path}, if the page has one. */
    public Mono<Optional<Representation>> get(String path) {
        Snapshot snapshot = current.get();
        Representation page = snapshot == null ? null : snapshot.pages().get(path);
        if (page != null) {
            return Mono.just(Optional.of(page));
        }
        // not rendered for this model yet (or no model read yet): off the event loop
        return Mono.fromSupplier(() -> {
            if (current.get() == null) {
                store.refresh();
            }
            return rendered(path);
        }).subscribeOn(blocking);
    }

    /** The page at {@code path} for the current model, rendered now if it was not yet; never reads the database. */
    public Optional<Representation> rendered(String path) {
        Snapshot snapshot = current.get();
        if (snapshot == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot.pages().computeIfAbsent(path, snapshot::render));
    }

    /** How many pages were rendered since start-up (for tests that a change alone renders none). */
    long renders() {
        return renders.get();
    }

    /** Drops the model and everything rendered from it, as before the first read (for tests of that path). */
    void forget() {
        current.set(null);
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

    /** A new model: its pages are rendered as they are asked for, against what the model before it served. */
    void render(StatusModel model) {
        Snapshot before = current.get();
        current.set(new Snapshot(model, new ConcurrentHashMap<>(), before == null ? Map.of() : before.pages()));
    }

    /**
     * One model and its pages. A page whose bytes are those the model before served keeps that representation (and
     * ETag); only the previous model's pages are kept for that, so memory holds at most two renders of each page.
     */
    private final class Snapshot {

        private final StatusModel model;
        private final Map<String, Representation> pages;
        private final Map<String, Representation> previous;

        Snapshot(StatusModel model, Map<String, Representation> pages, Map<String, Representation> previous) {
            this.model = model;
            this.pages = pages;
            this.previous = previous;
        }

        Map<String, Representation> pages() {
            return pages;
        }

        /** The page at {@code path} for this model, or null when the page has no such path. */
        Representation render(String path) {
            return switch (path) {
                case "/api/v2/summary.json" -> json(path, documents.summary(model));
                case "/api/v2/status.json" -> json(path, documents.status(model, true));
                case "/api/v2/components.json" -> json(path, documents.components(model, true));
                case "/api/v2/incidents.json" -> json(path, documents.incidents(model, false));
                case "/api/v2/incidents/unresolved.json" -> json(path, documents.incidents(model, true));
                case "/api/v2/scheduled-maintenances.json" ->
                        json(path, documents.maintenances(model, model.maintenances()));
                case "/api/v2/scheduled-maintenances/upcoming.json" ->
                        json(path, documents.maintenances(model, model.upcomingMaintenances()));
                case "/api/v2/scheduled-maintenances/active.json" ->
                        json(path, documents.maintenances(model, model.activeMaintenances()));
                case "/" -> text(path, html.home(model), HTML);
                case "/history" -> text(path, html.history(model), HTML);
                case "/history.atom" -> text(path, feeds.atom(model), "application/atom+xml;charset=UTF-8");
                case "/history.rss" -> text(path, feeds.rss(model), "application/rss+xml;charset=UTF-8");
                default -> path.startsWith(INCIDENT_PAGES) ? incidentPage(path) : null;
            };
        }

        /** An incident's or a maintenance's page (both live under /incidents/, as on Statuspage). */
        private Representation incidentPage(String path) {
            String id = path.substring(INCIDENT_PAGES.length());
            for (PublicIncident incident : model.incidents()) {
                if (incident.id().equals(id)) {
                    return text(path, html.incidentPage(model, incident), HTML);
                }
            }
            for (PublicMaintenance maintenance : model.maintenances()) {
                if (maintenance.id().equals(id)) {
                    return text(path, html.maintenancePage(model, maintenance), HTML);
                }
            }
            return null;
        }

        private Representation json(String path, Object document) {
            return representation(path, RenderedPages.this.json.writeValueAsBytes(document), JSON);
        }

        private Representation text(String path, String text, String type) {
            return representation(path, text.getBytes(StandardCharsets.UTF_8), type);
        }

        private Representation representation(String path, byte[] body, String type) {
            renders.incrementAndGet();
            Representation before = previous.get(path);
            // a path's content type never changes: its bytes alone say whether the page did
            return before != null && Arrays.equals(before.body(), body) ? before : new Representation(body, type,
                    etag(body));
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
}
