package io.firebreak.command.config;

import io.firebreak.command.messaging.PublisherSettings;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.DefaultTransactionIdSuffixStrategy;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    @Bean
    public NewTopic incidentEventsTopic(FirebreakProperties properties) {
        return TopicBuilder.name(Topics.INCIDENT_EVENTS).partitions(properties.getTopicPartitions()).build();
    }

    /** Commands people ask for in Slack, keyed by incident: as many partitions as the incident topic. */
    @Bean
    public NewTopic incidentCommandsTopic(FirebreakProperties properties) {
        return TopicBuilder.name(Topics.INCIDENT_COMMANDS).partitions(properties.getTopicPartitions()).build();
    }

    /** debrief-service's topic, consumed here for the debrief-gated close; the same 3 partitions it creates. */
    @Bean
    public NewTopic debriefEventsTopic() {
        return TopicBuilder.name(Topics.DEBRIEF_EVENTS).partitions(3).build();
    }

    /** The answers to them, keyed by command id. */
    @Bean
    public NewTopic incidentCommandResultsTopic(FirebreakProperties properties) {
        return TopicBuilder.name(Topics.INCIDENT_COMMAND_RESULTS).partitions(properties.getTopicPartitions()).build();
    }

    /**
     * The publisher's own transactional producer. Deliberately not {@code spring.kafka.producer.transaction-id-prefix}:
     * that would also make Boot register a Kafka transaction manager beside the JDBC one.
     */
    @Bean(destroyMethod = "destroy")
    public DefaultKafkaProducerFactory<String, SpecificRecord> incidentEventProducerFactory(KafkaProperties kafka,
            PublisherSettings settings) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, FirebreakEventSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // a broker outage fails an attempt within seconds, not minutes (defaults: 60 s, 30 s, 120 s)
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        // an open transaction the broker never hears the end of is aborted after 15 s (default 60 s), so it holds
        // read_committed consumers back that long at most, even if its producer is gone for good
        config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
        DefaultKafkaProducerFactory<String, SpecificRecord> factory = new DefaultKafkaProducerFactory<>(config);
        factory.setTransactionIdPrefix(settings.transactionIdPrefix());
        // One transactional id, always: by default each replacement producer (after a failed abort) takes the next
        // suffix, the old id is never initialised again and its open transaction blocks read_committed consumers
        // until it times out (the probe's 45 s at 96 events behind). Reusing the id fences the old producer and
        // aborts its transaction the moment the replacement initialises. The publisher sends from one thread.
        factory.setTransactionIdSuffixStrategy(new DefaultTransactionIdSuffixStrategy(1));
        factory.setPhysicalCloseTimeout(5);
        return factory;
    }

    @Bean
    public KafkaTemplate<String, SpecificRecord> incidentEventTemplate(
            DefaultKafkaProducerFactory<String, SpecificRecord> incidentEventProducerFactory) {
        return new KafkaTemplate<>(incidentEventProducerFactory);
    }
}
