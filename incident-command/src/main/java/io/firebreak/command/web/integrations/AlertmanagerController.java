package io.firebreak.command.web.integrations;

import io.firebreak.support.security.Caller;
import io.firebreak.command.web.CallerActors;

import io.firebreak.command.api.AlertStatus;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.application.AlertBatch;
import io.firebreak.command.application.AlertIngestion;
import io.firebreak.command.application.IngestResult;
import io.firebreak.command.application.IntegrationSettings;
import io.firebreak.command.application.Sha256;
import io.firebreak.command.domain.InvalidFieldException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Prometheus Alertmanager's webhook receiver ({@code webhook_configs}). One alert group is one incident
 * while that incident is open; see {@link AlertIngestion}.
 */
@RestController
public class AlertmanagerController {

    static final String INTEGRATION = "alertmanager";

    private final AlertIngestion ingestion;
    private final IntegrationSettings settings;
    private final IngestRateLimiter limiter;
    private final JsonBodies bodies;

    public AlertmanagerController(AlertIngestion ingestion, IntegrationSettings settings,
            IngestRateLimiter limiter, JsonBodies bodies) {
        this.bodies = bodies;
        this.ingestion = ingestion;
        this.settings = settings;
        this.limiter = limiter;
    }

    @PostMapping(path = "/api/v1/integrations/alertmanager", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<IngestResult> receive(@RequestBody byte[] body, ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        limiter.check("alertmanager:" + caller.id());
        // Alertmanager re-sends an unchanged group byte for byte: the body's digest finds it before any decoding
        return ingestion.ingest(INTEGRATION, Sha256.hex(body),
                () -> toBatch(bodies.read(body, AlertmanagerPayload.class)), CallerActors.of(caller));
    }

    AlertBatch toBatch(AlertmanagerPayload payload) {
        if (payload.groupKey() == null || payload.groupKey().isBlank()) {
            throw new InvalidFieldException("groupKey", "'groupKey' is required");
        }
        if (payload.alerts() == null || payload.alerts().isEmpty()) {
            throw new InvalidFieldException("alerts", "'alerts' must list at least one alert");
        }
        Map<String, String> common = payload.commonLabels() == null ? Map.of() : payload.commonLabels();
        Map<String, String> annotations = payload.commonAnnotations() == null ? Map.of() : payload.commonAnnotations();
        List<AlertBatch.Alert> alerts = new ArrayList<>();
        Set<String> services = new LinkedHashSet<>();
        for (int i = 0; i < payload.alerts().size(); i++) {
            AlertmanagerPayload.Alert alert = payload.alerts().get(i);
            alerts.add(toAlert(alert, i));
            String service = alert.labels() == null ? null : alert.labels().get(settings.getServiceLabel());
            // a declaration lists at most 50 services; monitoring is never refused for more
            if (service != null && !service.isBlank() && services.size() < 50) {
                services.add(AlertText.clean(service, 100));
            }
        }
        String severityLabel = common.get("severity");
        if (severityLabel == null) {
            severityLabel = payload.alerts().stream().map(a -> a.labels() == null ? null : a.labels().get("severity"))
                    .filter(s -> s != null).findFirst().orElse(null);
        }
        String alertname = common.getOrDefault("alertname",
                payload.groupLabels() == null ? null : payload.groupLabels().get("alertname"));
        String title = AlertText.clean(annotations.getOrDefault("summary", alertname), 200);
        String summary = AlertText.clean(annotations.get("description"), 5_000);
        String externalUrl = AlertText.url(payload.externalURL(), 500);
        if (externalUrl != null) {
            summary = (summary == null ? "" : summary + "\n") + "Alertmanager: " + externalUrl;
        }
        return new AlertBatch(INTEGRATION, IncidentSource.ALERTMANAGER, AlertText.clean(payload.groupKey().text(), 1_000),
                payload.groupKey().identity(),
                title == null ? "Alert group " + payload.groupKey().identity().substring(0, 12) : title, summary,
                settings.severityOf(severityLabel), severityLabel == null ? "none" : AlertText.clean(severityLabel, 50),
                List.copyOf(services), alerts);
    }

    private static AlertBatch.Alert toAlert(AlertmanagerPayload.Alert alert, int index) {
        String field = "alerts[" + index + "]";
        AlertStatus status;
        if ("firing".equalsIgnoreCase(alert.status())) {
            status = AlertStatus.FIRING;
        } else if ("resolved".equalsIgnoreCase(alert.status())) {
            status = AlertStatus.RESOLVED;
        } else {
            throw new InvalidFieldException(field + ".status", "'status' must be firing or resolved");
        }
        Map<String, String> labels = alert.labels() == null ? Map.of() : alert.labels();
        String key = alert.fingerprint() != null && !alert.fingerprint().isBlank() ? alert.fingerprint()
                : shortHash(new TreeMap<>(labels).toString());
        Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
        String summary = annotations.getOrDefault("summary", annotations.getOrDefault("description",
                labels.getOrDefault("alertname", key)));
        // Alertmanager's zero time (not ended) and any other time out of bounds arrive as null (MonitoringTime)
        Instant endsAt = alert.endsAt();
        return new AlertBatch.Alert(AlertText.clean(key, 200), status, AlertText.clean(summary, 1_000),
                AlertText.labels(labels), alert.startsAt(), status == AlertStatus.RESOLVED ? endsAt : null,
                AlertText.url(alert.generatorURL(), 2_000));
    }

    static String shortHash(String text) {
        return Sha256.shortHex(text);
    }
}
