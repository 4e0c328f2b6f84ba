package io.firebreak.notification.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The HTTP client the contact transports share. A refusal is reported by status alone: provider URLs can hold
 * tokens (ntfy topics, webhooks), so no URL goes into an error that is stored or logged.
 */
@Component
public class ProviderHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends and returns the body of a 2xx answer; anything else throws. */
    public String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("provider answered HTTP " + response.statusCode());
        }
        return response.body();
    }
}
