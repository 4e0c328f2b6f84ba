package io.firebreak.command.console;

import io.firebreak.command.api.Severity;
import io.firebreak.command.config.FirebreakProperties;
import io.firebreak.command.config.FirebreakProperties.Console;
import io.firebreak.support.config.SupportProperties;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The responder console: static files under {@code /console/} (classpath {@code static/console/}, served by WebFlux's
 * resource handler) and the settings the browser needs. Public: none of it holds data; the browser calls the APIs
 * with the person's own credential.
 */
@RestController
public class ConsoleController {

    static final String INDEX = "static/console/index.html";

    private final ConsoleConfig config;

    public ConsoleController(FirebreakProperties properties, SupportProperties support) {
        this.config = configOf(properties, support);
    }

    @GetMapping(path = "/console/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ConsoleConfig config() {
        return config;
    }

    /** The page's relative module paths ({@code ./app.js}) resolve under {@code /console/} only with the slash. */
    @GetMapping("/console")
    public ResponseEntity<Void> withSlash() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/console/")).build();
    }

    @GetMapping(path = "/console/", produces = MediaType.TEXT_HTML_VALUE)
    public Resource index() {
        return new ClassPathResource(INDEX);
    }

    static ConsoleConfig configOf(FirebreakProperties properties, SupportProperties support) {
        Console console = properties.getConsole() == null ? new Console(null, null, null, null, null)
                : properties.getConsole();
        Map<Severity, Long> cadence = new EnumMap<>(Severity.class);
        properties.getUpdateCadence().forEach((severity, every) -> cadence.put(severity, every.toMinutes()));
        return new ConsoleConfig(orEmpty(console.commandUrl()), orEmpty(console.notificationUrl()),
                orEmpty(console.statuspageUrl()), orEmpty(console.debriefUrl()), oidc(console, support),
                Map.copyOf(cadence));
    }

    private static ConsoleConfig.Oidc oidc(Console console, SupportProperties support) {
        if (console.oidc() == null || blank(console.oidc().clientId())) {
            return null;
        }
        String issuer = blank(console.oidc().issuer()) ? support.security().oidc().issuerUri() : console.oidc().issuer();
        return blank(issuer) ? null : new ConsoleConfig.Oidc(issuer.strip(), console.oidc().clientId().strip());
    }

    /** Without a trailing slash, so the browser can append {@code /api/...}. */
    private static String orEmpty(String url) {
        if (blank(url)) {
            return "";
        }
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
