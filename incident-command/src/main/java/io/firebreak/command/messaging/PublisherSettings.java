package io.firebreak.command.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kafka publication ({@code firebreak.publisher.*}).
 *
 * @param sendTimeout         how long a batch waits for Kafka's acknowledgement before it is retried
 * @param transactionIdPrefix prefix of the publisher's Kafka transactional id; unique per running instance
 * @param fetchDelay          how often the publisher polls the event store for new events when it is idle: its store
 *                            reads on the publisher's own pool and is not told of events the command side appends,
 *                            so this bounds 2xx → Kafka when idle (200 ms gave a p50 of 155 ms in BENCHMARKS.md's
 *                            freshness run; 25 ms is ≈ 40 indexed reads a second)
 * @param retryWindow         how long one batch keeps retrying Kafka itself before failing to Axon, whose back-off
 *                            doubles up to 60 s (so a broker outage would otherwise delay catching up by up to a
 *                            minute after the broker returns); with one attempt of up to 15 s on top, below Axon's 60 s unit-of-work timeout
 * @param retryBackoff        the pause between two attempts of one batch
 * @param nodeId              who holds the publisher's token claim: stable across restarts of one instance (host and
 *                            port by default), so an instance relaunched after a crash takes its claim back at once
 *                            instead of waiting for the claim timeout; unique among running instances, because two
 *                            live processes cannot listen on one host's port
 */
@ConfigurationProperties("firebreak.publisher")
public record PublisherSettings(@DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("incident-command-publisher-") String transactionIdPrefix,
        @DefaultValue("25ms") Duration fetchDelay,
        @DefaultValue("30s") Duration retryWindow,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("incident-command-local") String nodeId) {
}
