package io.firebreak.statuspage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.incident.Severity;
import io.firebreak.statuspage.readmodel.StatusModelStore;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.support.testing.IncidentStory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A change of the public model renders no page by itself: each page is rendered on its first request after the
 * change and then served from memory, so the work of a change does not grow with the number of incidents shown.
 */
@StatusPageIntegrationTest
class RenderedPagesOnRequestIT {

    @Autowired
    WebTestClient client;

    @Autowired
    RenderedPages pages;

    @Autowired
    StatusModelStore store;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aChangeRendersNothingUntilAPageIsAskedFor() {
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("Search is slow", Severity.CRITICAL, true, "api");
            String incidentPage = "/incidents/" + story.incidentId;
            await().atMost(Duration.ofSeconds(30)).until(() -> client.get().uri("/api/v2/incidents/unresolved.json")
                    .exchange().expectBody(String.class).returnResult().getResponseBody().contains(story.incidentId));

            long before = pages.renders();
            store.refresh();
            assertThat(pages.renders()).as("pages rendered by a new model alone").isEqualTo(before);

            String etag = client.get().uri(incidentPage).exchange().expectStatus().isOk()
                    .expectBody(String.class).value(body -> assertThat(body).contains("major outage"))
                    .returnResult().getResponseHeaders().getETag();
            assertThat(pages.renders()).as("the incident's page, rendered on its request").isEqualTo(before + 1);

            client.get().uri(incidentPage).exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", etag);
            client.get().uri(incidentPage).header("If-None-Match", etag).exchange().expectStatus().isNotModified();
            client.get().uri("/incidents/00000000-0000-0000-0000-000000000000").exchange().expectStatus()
                    .isNotFound();
            assertThat(pages.renders()).as("a page already rendered is served from memory; an unknown one is none")
                    .isEqualTo(before + 1);

            story.resolved();
            await().atMost(Duration.ofSeconds(30)).until(() -> !client.get().uri("/api/v2/incidents/unresolved.json")
                    .exchange().expectBody(String.class).returnResult().getResponseBody().contains(story.incidentId));
            client.get().uri(incidentPage).exchange().expectStatus().isOk().expectHeader().value("ETag",
                    changed -> assertThat(changed).as("the resolved incident's page").isNotEqualTo(etag));
        }
    }
}
