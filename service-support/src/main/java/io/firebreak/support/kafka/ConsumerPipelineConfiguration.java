package io.firebreak.support.kafka;

import io.firebreak.schemas.serde.FirebreakEventSerializer;
import io.firebreak.support.config.SupportProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer pipeline every projection shares: records are decoded behind spring-kafka's
 * ErrorHandlingDeserializer (shared defaults), a failing record is retried with back-off and then sent to
 * {@code <topic>.<service>.DLT} so it never blocks its partition, and every dead letter is counted in health and
 * metrics, and listed and re-driven through {@link DeadLetterController}. Active where
 * {@code firebreak.consumer.dead-letter-name} is set (services that consume).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "firebreak.consumer", name = "dead-letter-name")
@Import(DeadLetterController.class)
public class ConsumerPipelineConfiguration {

    /** Dead letters keep their original bytes when they could not be decoded, else the decoded event. */
    @Bean
    public KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        DelegatingByTypeSerializer values = new DelegatingByTypeSerializer(Map.of(
                byte[].class, new ByteArraySerializer(), SpecificRecord.class, new FirebreakEventSerializer()), true);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<Object> keys = (Serializer) new StringSerializer();
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, () -> keys, () -> values));
    }

    @Bean("deadLetters")
    public DeadLetters deadLetters(Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new DeadLetters(clock, meters.getIfAvailable());
    }

    @Bean
    public DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> deadLetterTemplate,
            DeadLetters deadLetters, SupportProperties properties) {
        String name = properties.consumer().deadLetterName();
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, exception) -> new TopicPartition(deadLetterTopic(record.topic(), name), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(properties.consumer().retryInitial().toMillis(), 2.0);
        backOff.setMaxElapsedTime(properties.consumer().retryFor().toMillis());
        return new DefaultErrorHandler((record, exception) -> {
            recoverer.accept(record, exception);
            deadLetters.recorded(record, deadLetterTopic(record.topic(), name), exception);
        }, backOff);
    }

    /** One dead-letter topic per consumed topic, created with the service's other topics. */
    @Bean
    public KafkaAdmin.NewTopics deadLetterTopics(SupportProperties properties) {
        return new KafkaAdmin.NewTopics(properties.consumer().topics().stream()
                .map(topic -> TopicBuilder.name(deadLetterTopic(topic, properties.consumer().deadLetterName()))
                        .partitions(1).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    public DeadLetterQueue deadLetterQueue(KafkaProperties kafka, KafkaTemplate<Object, Object> deadLetterTemplate,
            SupportProperties properties, Environment environment) {
        String name = properties.consumer().deadLetterName();
        return new DeadLetterQueue(kafka.buildConsumerProperties(),
                environment.getProperty("spring.application.name", name) + "-dead-letter-redrive",
                properties.consumer().topics().stream().map(topic -> deadLetterTopic(topic, name)).toList(),
                deadLetterTemplate);
    }

    public static String deadLetterTopic(String topic, String service) {
        return topic + "." + service + ".DLT";
    }
}
