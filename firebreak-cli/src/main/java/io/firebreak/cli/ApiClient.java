package io.firebreak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A thin HTTP client of one Firebreak service's API (incident-command or notification-service), for the CLI. */
final class ApiClient {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final String service;
    private final String urlVariable;

    /** incident-command at {@code baseUrl} (set by {@code FIREBREAK_URL}). */
    ApiClient(String baseUrl, String token) {
        this(baseUrl, token, "incident-command", "FIREBREAK_URL");
    }

    /** {@code service} at {@code baseUrl}, which the environment variable {@code urlVariable} sets. */
    ApiClient(String baseUrl, String token, String service, String urlVariable) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.service = service;
        this.urlVariable = urlVariable;
    }

    String baseUrl() {
        return baseUrl;
    }

    JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    JsonNode post(String path, Map<String, ?> body) {
        return send(request(path).header("Content-Type", "application/json")
                .header("X-Firebreak-Source", "CLI")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    JsonNode put(String path, Map<String, ?> body) {
        return send(request(path).header("Content-Type", "application/json")
                .header("X-Firebreak-Source", "CLI")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    /** Declarations retry safely: the key makes a repeated request return the same incident. */
    JsonNode declare(Map<String, ?> body) {
        return send(request("/api/v1/incidents").header("Content-Type", "application/json")
                .header("X-Firebreak-Source", "CLI").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    /** The incident's id for an {@code INC-42} reference (or an id). */
    /**
     * The incident's id: an id as given (a credential without {@code incidents:read}, such as a comms owner's
     * {@code statuspage:write}, can then still act on it), a reference looked up.
     */
    String idOf(String reference) {
        if (UUID_FORM.matcher(reference).matches()) {
            return reference;
        }
        return incident(reference).path("id").asText();
    }

    private static final java.util.regex.Pattern UUID_FORM = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The incident as incident-command shows it, by {@code INC-42} reference or id. */
    JsonNode incident(String reference) {
        return get("/api/v1/incidents/" + reference);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("User-Agent", "firebreak-cli/0.1");
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException(CliException.UNREACHABLE, "cannot reach " + baseUrl + " (" + e.getMessage()
                    + "); is " + service + " running? Set " + urlVariable + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.UNREACHABLE, "interrupted");
        }
        JsonNode body = read(response.body());
        if (response.statusCode() >= 400) {
            String detail = body.path("detail").asText(body.path("title").asText("HTTP " + response.statusCode()));
            String field = body.path("field").asText(null);
            throw new CliException(CliException.API_ERROR, response.statusCode() + " " + detail
                    + (field == null ? "" : " (field: " + field + ")"), response.statusCode(), body);
        }
        return body;
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode().put("detail", body);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
