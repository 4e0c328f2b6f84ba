package io.firebreak.command.support;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Small helpers for talking to the API as the test writer. */
public final class Api {

    public static final String WRITER = "test-writer-token";
    public static final String READER = "test-reader-token";
    public static final String INGEST = "test-ingest-token";

    private Api() {
    }

    public static WebTestClient.ResponseSpec post(WebTestClient client, String path, Object body) {
        return client.post().uri(path).headers(h -> h.setBearerAuth(WRITER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public static WebTestClient.ResponseSpec get(WebTestClient client, String path) {
        return client.get().uri(path).headers(h -> h.setBearerAuth(READER)).exchange();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> declare(WebTestClient client, Map<String, Object> body) {
        return post(client, "/api/v1/incidents", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
