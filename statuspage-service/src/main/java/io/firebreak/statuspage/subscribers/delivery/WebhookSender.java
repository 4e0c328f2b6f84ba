package io.firebreak.statuspage.subscribers.delivery;

import io.firebreak.statuspage.subscribers.domain.WebhookSignature;
import io.firebreak.statuspage.subscribers.storage.DueDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * A webhook delivery: the notice's JSON POSTed to the subscriber's URL, signed with its secret
 * ({@link WebhookSignature}); any 2xx is accepted, anything else (or no answer within the timeout) is retried.
 * Redirects are not followed (a signed body goes only where it was registered to go).
 */
final class WebhookSender implements Sender {

    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;

    WebhookSender(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public void send(DueDelivery delivery) throws Exception {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.address())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Firebreak-Statuspage")
                .header("X-Firebreak-Notice", delivery.noticeId())
                .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("webhook answered HTTP " + response.statusCode());
        }
    }
}
