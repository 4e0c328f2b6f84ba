package io.firebreak.statuspage.messaging;

import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import io.firebreak.support.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A consumer's lag per partition is on {@code /actuator/prometheus} within seconds of its first fetch (service-support's
 * PromptConsumerLag), as after a restart: with Micrometer's default the series appeared only after a minute.
 */
@StatusPageIntegrationTest
class ConsumerLagMetricsIT {

    @Autowired
    ConsumerFactory<String, Object> consumers;

    @Autowired
    WebTestClient client;

    @Test
    void aNewConsumersLagPerPartitionShowsWithinSeconds() {
        String clientId = "lag-probe-" + System.nanoTime();
        TopicPartition partition = new TopicPartition(Topics.INCIDENT_EVENTS, 0);
        try (Consumer<String, Object> consumer = consumers.createConsumer("lag-probe", clientId, "")) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return prometheus().lines().anyMatch(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag{")
                        && line.contains("client_id=\"" + clientId) && line.contains("partition=\"0\""));
            });
        }
    }

    private String prometheus() {
        return client.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.ADMIN)).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody() // line by line: > 64 KiB
                .collectList().map(lines -> String.join("\n", lines)).block(Duration.ofSeconds(10));
    }
}
