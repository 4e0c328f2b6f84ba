package io.firebreak.command.web.integrations;

import org.springframework.http.HttpHeaders;

import io.firebreak.command.api.Actor;
import io.firebreak.command.api.AlertStatus;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.Severity;
import io.firebreak.command.application.AlertBatch;
import io.firebreak.command.application.AlertIngestion;
import io.firebreak.command.application.IntegrationSettings;
import io.firebreak.command.application.IntegrationSettings.RoutingKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * PagerDuty Events API v2 compatibility: anything that can page PagerDuty can declare in Firebreak. The routing
 * key selects a configured integration and is the credential. Answers as PagerDuty does: 202 with the dedup
 * key, or 400 with {@code errors}.
 */
@RestController
public class PagerDutyController {

    public static final String PATH = "/api/v1/integrations/pagerduty/v2/enqueue";

    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    private static final Map<String, Severity> SEVERITY = Map.of("critical", Severity.CRITICAL,
            "error", Severity.MAJOR, "warning", Severity.MAJOR, "info", Severity.MINOR);

    private final AlertIngestion ingestion;
    private final IntegrationSettings settings;
    private final ObjectReader reader;
    private final IngestRateLimiter limiter;

    public PagerDutyController(AlertIngestion ingestion, IntegrationSettings settings, JsonMapper jsonMapper,
            IngestRateLimiter limiter) {
        this.ingestion = ingestion;
        this.settings = settings;
        // read by hand, with the plain mapper: PagerDuty's own leniency, text redacted by AlertText below
        this.reader = jsonMapper.readerFor(PagerDutyEvent.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.limiter = limiter;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<PagerDutyAnswer>> enqueue(@RequestBody(required = false) String body) {
        PagerDutyEvent event;
        try {
            event = body == null ? null : reader.readValue(body);
        } catch (JacksonException e) {
            return Mono.just(invalid(List.of("Invalid JSON")));
        }
        if (event == null) {
            return Mono.just(invalid(List.of("Event object is empty")));
        }
        RoutingKey integration = integrationFor(event.routingKey());
        if (integration == null) {
            return Mono.just(invalid(List.of("Invalid routing key")));
        }
        var wait = limiter.tryAcquire("pagerduty:" + integration.getName());
        if (wait.isPresent()) {
            // PagerDuty's own answer when a routing key sends too fast
            return Mono.just(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()))
                    .body(PagerDutyAnswer.throttled()));
        }
        List<String> errors = validate(event);
        if (!errors.isEmpty()) {
            return Mono.just(invalid(errors));
        }
        String action = event.eventAction();
        MonitoringKey key = event.dedupKey() == null || event.dedupKey().isBlank()
                ? MonitoringKey.of(UUID.randomUUID().toString().replace("-", "")) : event.dedupKey();
        // what is stored and echoed: the key redacted (PagerDuty's own limit of 255 applies to what was sent)
        String dedupKey = AlertText.clean(key.text(), 255);
        String name = "pagerduty:" + integration.getName();
        Actor actor = new Actor(name, "PagerDuty Events (" + integration.getName() + ")", "INTEGRATION");
        Mono<?> work = switch (action) {
            case "trigger" -> ingestion.ingest(triggerBatch(name, dedupKey, key.identity(), event), actor);
            case "resolve" -> ingestion.ingest(resolveBatch(name, dedupKey, key.identity()), actor);
            default -> ingestion.acknowledge(name, key.identity(), "Acknowledged through PagerDuty Events ("
                    + integration.getName() + ")", actor);
        };
        return work.thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(PagerDutyAnswer.accepted(dedupKey)));
    }

    private static List<String> validate(PagerDutyEvent event) {
        List<String> errors = new ArrayList<>();
        String action = event.eventAction();
        if (action == null || !Set.of("trigger", "acknowledge", "resolve").contains(action)) {
            errors.add("'event_action' is missing or invalid");
            return errors;
        }
        if (!"trigger".equals(action)) {
            if (event.dedupKey() == null || event.dedupKey().isBlank()) {
                errors.add("'dedup_key' is missing or blank");
            }
            return errors;
        }
        PagerDutyEvent.Payload payload = event.payload();
        if (payload == null) {
            errors.add("'payload' is missing");
            return errors;
        }
        if (payload.summary() == null || payload.summary().isBlank()) {
            errors.add("'payload.summary' is missing or blank");
        } else if (payload.summary().length() > 1024) {
            errors.add("'payload.summary' is longer than 1024 characters");
        }
        if (payload.source() == null || payload.source().isBlank()) {
            errors.add("'payload.source' is missing or blank");
        }
        if (payload.severity() == null || !SEVERITIES.contains(payload.severity())) {
            errors.add("'payload.severity' must be critical, error, warning or info");
        }
        if (payload.timestamp() != null && parseTimestamp(payload.timestamp()) == null) {
            errors.add("'payload.timestamp' is not an ISO 8601 timestamp");
        }
        if (event.dedupKey() != null && event.dedupKey().length() > 255) {
            errors.add("'dedup_key' is longer than 255 characters");
        }
        return errors;
    }

    private static AlertBatch triggerBatch(String integration, String dedupKey, String dedupKeyHash,
            PagerDutyEvent event) {
        PagerDutyEvent.Payload payload = event.payload();
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("source", payload.source());
        labels.put("severity", payload.severity());
        if (payload.component() != null) {
            labels.put("component", payload.component());
        }
        if (payload.group() != null) {
            labels.put("group", payload.group());
        }
        if (payload.eventClass() != null) {
            labels.put("class", payload.eventClass());
        }
        StringBuilder summary = new StringBuilder("Source: ").append(payload.source());
        if (payload.customDetails() != null) {
            summary.append("\nDetails: ").append(payload.customDetails());
        }
        String link = event.links() == null || event.links().isEmpty() ? null
                : String.valueOf(event.links().get(0).get("href"));
        String title = AlertText.clean(payload.summary(), 200);
        AlertBatch.Alert alert = new AlertBatch.Alert(AlertText.clean(dedupKey, 255), AlertStatus.FIRING,
                AlertText.clean(payload.summary(), 1_024), AlertText.labels(labels),
                MonitoringTime.parse(payload.timestamp()), null, AlertText.url(link, 2_000));
        List<String> services = payload.component() == null ? List.of() : List.of(AlertText.clean(payload.component(), 100));
        return new AlertBatch(integration, IncidentSource.PAGERDUTY_EVENTS, dedupKey, dedupKeyHash, title,
                AlertText.clean(summary.toString(), 5_000), SEVERITY.get(payload.severity()), payload.severity(),
                services, List.of(alert));
    }

    private static AlertBatch resolveBatch(String integration, String dedupKey, String dedupKeyHash) {
        AlertBatch.Alert alert = new AlertBatch.Alert(AlertText.clean(dedupKey, 255), AlertStatus.RESOLVED, null,
                Map.of(), null, Instant.now(), null);
        return new AlertBatch(integration, IncidentSource.PAGERDUTY_EVENTS, dedupKey, dedupKeyHash, null, null,
                Severity.MINOR,
                "info", List.of(), List.of(alert));
    }

    private RoutingKey integrationFor(String presented) {
        if (presented == null) {
            return null;
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        RoutingKey match = null;
        for (RoutingKey key : settings.getPagerduty()) {
            if (key.getKey() != null && MessageDigest.isEqual(key.getKey().getBytes(StandardCharsets.UTF_8), candidate)) {
                match = key;
            }
        }
        return match;
    }

    private static Instant parseTimestamp(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(timestamp);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static ResponseEntity<PagerDutyAnswer> invalid(List<String> errors) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(PagerDutyAnswer.invalid(errors));
    }
}
