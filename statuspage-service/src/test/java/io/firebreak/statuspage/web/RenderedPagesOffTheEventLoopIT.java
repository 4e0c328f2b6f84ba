package io.firebreak.statuspage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.incident.Severity;
import io.firebreak.statuspage.support.JdbcThreads;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.support.testing.IncidentStory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The page never reads the database on a Netty event-loop thread: not on a request that finds nothing rendered
 * yet (that first read goes to the blocking scheduler), not when an event re-renders it.
 */
@StatusPageIntegrationTest
class RenderedPagesOffTheEventLoopIT {

    @Autowired
    WebTestClient client;

    @Autowired
    RenderedPages pages;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void firstReadOnARequestRunsOnTheBlockingScheduler() {
        pages.forget();
        JdbcThreads.clear();

        for (String path : List.of("/api/v2/summary.json", "/", "/history.atom", "/api/v2/incidents.json")) {
            client.get().uri(path).exchange().expectStatus().isOk();
        }

        assertThat(JdbcThreads.seen()).isNotEmpty()
                .noneMatch(thread -> thread.startsWith("reactor-http"))
                .anyMatch(thread -> thread.startsWith("blocking"));
    }

    @Test
    void eventsReRenderThePageOffTheEventLoop() {
        JdbcThreads.clear();
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("Login is failing", Severity.CRITICAL, true, "api");
            await().atMost(Duration.ofSeconds(30)).until(() -> client.get().uri("/api/v2/incidents/unresolved.json")
                    .exchange().expectBody(String.class).returnResult().getResponseBody().contains(story.incidentId));
            story.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> !client.get().uri("/api/v2/incidents/unresolved.json")
                    .exchange().expectBody(String.class).returnResult().getResponseBody().contains(story.incidentId));
        }
        assertThat(JdbcThreads.seen()).isNotEmpty().noneMatch(thread -> thread.startsWith("reactor-http"));
    }
}
