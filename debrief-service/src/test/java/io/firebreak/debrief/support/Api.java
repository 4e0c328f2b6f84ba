package io.firebreak.debrief.support;

import io.firebreak.support.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The test client with a credential: every API call of these tests is made by someone. */
public final class Api {

    private Api() {
    }

    /** Calls as the writer, Tess Writer ({@link TestTokens#WRITER_ID}): every scope but admin. */
    public static WebTestClient asWriter(WebTestClient client) {
        return as(client, TestTokens.WRITER);
    }

    public static WebTestClient as(WebTestClient client, String token) {
        return client.mutate().defaultHeaders(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .build();
    }
}
