package io.firebreak.command.web.integrations;

import io.firebreak.support.input.RedactSecrets;
import io.firebreak.command.web.EnumParameters;

import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.security.Caller;
import io.firebreak.command.web.CallerActors;

import io.firebreak.command.api.AlertStatus;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.Severity;
import io.firebreak.command.application.AlertBatch;
import io.firebreak.command.application.AlertIngestion;
import io.firebreak.command.application.IngestResult;
import io.firebreak.command.application.IntegrationSettings;
import io.firebreak.command.domain.InvalidFieldException;
import io.firebreak.command.domain.SeverityLabel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A generic webhook for any tool that can POST JSON: one dedup key is one alert and one incident while open. */
@RestController
public class WebhookController {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    private final AlertIngestion ingestion;
    private final IntegrationSettings settings;
    private final IngestRateLimiter limiter;

    public WebhookController(AlertIngestion ingestion, IntegrationSettings settings, IngestRateLimiter limiter) {
        this.ingestion = ingestion;
        this.settings = settings;
        this.limiter = limiter;
    }

    /** The webhook body. {@code severity} takes Firebreak's labels or monitoring ones (critical, warning…). */
    @RedactSecrets
    public record WebhookAlert(String status, String title, MonitoringKey dedupKey, String description, String severity,
            Map<String, Object> metadata, String sourceUrl) {
    }

    @PostMapping(path = "/api/v1/integrations/webhook/{integration}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<IngestResult> receive(@PathVariable String integration, @RequestBody WebhookAlert body,
            ServerWebExchange exchange) {
        if (!NAME.matcher(integration).matches()) {
            throw ApiProblem.badRequest("integration", "The integration name must match [a-z0-9][a-z0-9-]{0,49}");
        }
        Caller caller = Caller.of(exchange);
        limiter.check("webhook:" + integration + ":" + caller.id());
        AlertStatus status = EnumParameters.parse("status", body.status(), AlertStatus.class);
        if (status == null) {
            throw new InvalidFieldException("status", "'status' is required (firing or resolved)");
        }
        if (body.dedupKey() == null || body.dedupKey().isBlank() || body.dedupKey().length() > 255) {
            throw new InvalidFieldException("dedupKey", "'dedupKey' is required, at most 255 characters");
        }
        String dedupKey = AlertText.clean(body.dedupKey().text(), 255);
        String title = AlertText.clean(body.title(), 200);
        if (status == AlertStatus.FIRING && title == null) {
            throw new InvalidFieldException("title", "'title' is required when firing");
        }
        Severity severity = body.severity() == null ? Severity.MINOR
                : SeverityLabel.parse(body.severity()).orElseGet(() -> settings.severityOf(body.severity()));
        AlertBatch.Alert alert = new AlertBatch.Alert(dedupKey, status,
                title, AlertText.labels(body.metadata()), null,
                status == AlertStatus.RESOLVED ? Instant.now() : null, AlertText.url(body.sourceUrl(), 2_000));
        AlertBatch batch = new AlertBatch("webhook:" + integration, IncidentSource.WEBHOOK, dedupKey,
                body.dedupKey().identity(), title,
                AlertText.clean(body.description(), 5_000), severity,
                body.severity() == null ? "none" : AlertText.clean(body.severity(), 50), List.of(), List.of(alert));
        return ingestion.ingest(batch, CallerActors.of(caller));
    }
}
