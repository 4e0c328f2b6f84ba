package io.firebreak.statuspage.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.readmodel.StatusModel;
import io.firebreak.statuspage.readmodel.StatusModel.PublicIncident;
import io.firebreak.statuspage.readmodel.StatusModel.PublicMaintenance;
import io.firebreak.statuspage.readmodel.StatusModelStore;
import io.firebreak.statuspage.readmodel.StatusProjection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
        Map<String, Representation> pages = new HashMap<>();
        String jsonType = "application/json";
        pages.put("/api/v2/summary.json", json(documents.summary(model), jsonType));
        pages.put("/api/v2/status.json", json(documents.status(model, true), jsonType));
        pages.put("/api/v2/components.json", json(documents.components(model, true), jsonType));
        pages.put("/api/v2/incidents.json", json(documents.incidents(model, false), jsonType));
        pages.put("/api/v2/incidents/unresolved.json", json(documents.incidents(model, true), jsonType));
        pages.put("/api/v2/scheduled-maintenances.json",
                json(documents.maintenances(model, model.maintenances()), jsonType));
        pages.put("/api/v2/scheduled-maintenances/upcoming.json",
                json(documents.maintenances(model, model.upcomingMaintenances()), jsonType));
        pages.put("/api/v2/scheduled-maintenances/active.json",
                json(documents.maintenances(model, model.activeMaintenances()), jsonType));
        String htmlType = "text/html;charset=UTF-8";
        pages.put("/", text(html.home(model), htmlType));
        pages.put("/history", text(html.history(model), htmlType));
        for (PublicIncident incident : model.incidents()) {
            pages.put("/incidents/" + incident.id(), text(html.incidentPage(model, incident), htmlType));
        }
        for (PublicMaintenance maintenance : model.maintenances()) {
            pages.put("/incidents/" + maintenance.id(), text(html.maintenancePage(model, maintenance), htmlType));
        }
        pages.put("/history.atom", text(feeds.atom(model), "application/atom+xml;charset=UTF-8"));
        pages.put("/history.rss", text(feeds.rss(model), "application/rss+xml;charset=UTF-8"));
        rendered.set(Map.copyOf(pages));
    }

    private Representation json(Object document, String type) {
        return representation(json.writeValueAsBytes(document), type);
    }

    private static Representation text(String text, String type) {
        return representation(text.getBytes(StandardCharsets.UTF_8), type);
    }

    private static Representation representation(byte[] body, String type) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Representation(body, type, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
