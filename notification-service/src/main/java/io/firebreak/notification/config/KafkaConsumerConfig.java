package io.firebreak.notification.config;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfig {

    public static final String DEAD_LETTER_TOPIC = "firebreak.incident-events.notification.DLT";

    /**
     * A record that still fails after a few retries (or cannot be decoded at all) goes to this service's dead-letter
     * topic, so it never blocks the partition; everything else is retried with back-off.
     */
    /** Dead letters keep their original bytes when they could not be decoded, else the decoded event. */
    @Bean
    public KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        DelegatingByTypeSerializer values = new DelegatingByTypeSerializer(Map.of(
                byte[].class, new ByteArraySerializer(), SpecificRecord.class, new FirebreakEventSerializer()), true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<Object, Object>(config,
                () -> (org.apache.kafka.common.serialization.Serializer) new StringSerializer(), () -> values));
    }

    /** The outbox relay's producer: payloads are already single-object encoded. */
    @Bean
    public KafkaTemplate<String, byte[]> outboxTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
        config.put(org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Bean
    public NewTopic pagingEventsTopic() {
        return TopicBuilder.name(Topics.PAGING_EVENTS).partitions(3).build();
    }

    @Bean
    public org.apache.kafka.clients.admin.NewTopic deadLetterTopic() {
        return org.springframework.kafka.config.TopicBuilder.name(DEAD_LETTER_TOPIC).partitions(1).build();
    }

    @Bean
    public DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> deadLetterTemplate,
            DeadLetters deadLetters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, exception) -> new TopicPartition(DEAD_LETTER_TOPIC, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxElapsedTime(5_000);
        return new DefaultErrorHandler((record, exception) -> {
            recoverer.accept(record, exception);
            deadLetters.recorded(exception);
        }, backOff);
    }
}
