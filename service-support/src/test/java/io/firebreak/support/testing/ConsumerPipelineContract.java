package io.firebreak.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.support.config.SupportProperties;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * What every consuming service's pipeline must hold (extend it in the service's consumer test): the topics its
 * listeners read are exactly {@code firebreak.consumer.topics}, so each has its dead-letter topic created and can be
 * listed and re-driven.
 */
public abstract class ConsumerPipelineContract {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private SupportProperties support;

    @Test
    void listsEveryConsumedTopicInTheConsumerSettings() {
        Set<String> consumed = new TreeSet<>();
        listeners.getListenerContainers().forEach(container -> consumed.addAll(
                Arrays.asList(container.getContainerProperties().getTopics())));
        assertThat(consumed).isNotEmpty();
        assertThat(support.consumer().topics()).containsExactlyInAnyOrderElementsOf(consumed);
    }
}
