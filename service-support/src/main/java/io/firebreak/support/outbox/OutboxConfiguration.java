package io.firebreak.support.outbox;

import io.firebreak.support.config.SupportProperties;
import io.firebreak.support.tracing.TraceParents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox and its relay, for services that set {@code firebreak.outbox.enabled}. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "firebreak.outbox", name = "enabled", havingValue = "true")
public class OutboxConfiguration {

    @Bean
    public Outbox outbox(JdbcTemplate jdbc, TraceParents traces) {
        return new Outbox(jdbc, traces);
    }

    /** Payloads are already single-object encoded; acks from every replica, no duplicates from retries. */
    @Bean
    public KafkaTemplate<String, byte[]> outboxTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Bean
    public OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            KafkaTemplate<String, byte[]> outboxTemplate, Clock clock, SupportProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        OutboxRelay relay = new OutboxRelay(jdbc, new TransactionTemplate(transactions), outboxTemplate, clock,
                properties.outbox().batchSize());
        meters.ifAvailable(registry -> Gauge.builder("firebreak.outbox.backlog", relay, OutboxRelay::backlog)
                .description("Outbox rows not yet published to Kafka").register(registry));
        return relay;
    }

    /** Runs the relay on its own thread at the configured interval while the application runs. */
    @Bean
    public SmartLifecycle outboxRelayLoop(OutboxRelay relay, SupportProperties properties) {
        return new SmartLifecycle() {
            private ThreadPoolTaskScheduler scheduler;

            @Override
            public void start() {
                scheduler = new ThreadPoolTaskScheduler();
                scheduler.setThreadNamePrefix("outbox-relay-");
                scheduler.initialize();
                scheduler.scheduleWithFixedDelay(() -> {
                    try {
                        relay.relay();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(OutboxRelay.class).warn("outbox.round_failed error={}",
                                e.toString());
                    }
                }, properties.outbox().interval());
            }

            @Override
            public void stop() {
                scheduler.shutdown();
                scheduler = null;
            }

            @Override
            public boolean isRunning() {
                return scheduler != null;
            }
        };
    }
}
