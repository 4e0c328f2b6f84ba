package io.firebreak.notification.support;

import io.firebreak.support.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The API as a client holding a token sees it. */
public final class Api {

    private Api() {
    }

    /** {@code client} sending {@code Authorization: Bearer <token>} on every request. */
    public static WebTestClient as(WebTestClient client, String token) {
        return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    /** The writer person, Tess ({@link TestTokens#WRITER}): every scope but admin. */
    public static WebTestClient asWriter(WebTestClient client) {
        return as(client, TestTokens.WRITER);
    }
}
