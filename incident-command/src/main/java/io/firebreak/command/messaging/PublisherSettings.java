package io.firebreak.command.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kafka publication ({@code firebreak.publisher.*}).
 *
 * @param sendTimeout         how long a batch waits for Kafka's acknowledgement before it is retried
 * @param transactionIdPrefix prefix of the publisher's Kafka transactional id; unique per running instance
 */
@ConfigurationProperties("firebreak.publisher")
public record PublisherSettings(@DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("incident-command-publisher-") String transactionIdPrefix) {
}
