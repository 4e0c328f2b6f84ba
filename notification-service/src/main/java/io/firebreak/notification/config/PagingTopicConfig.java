package io.firebreak.notification.config;

import io.firebreak.schemas.catalog.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topic this service publishes (through its outbox). The consumer pipeline, its dead-letter topic and the
 * outbox relay come from service-support.
 */
@Configuration(proxyBeanMethods = false)
public class PagingTopicConfig {

    @Bean
    public NewTopic pagingEventsTopic() {
        return TopicBuilder.name(Topics.PAGING_EVENTS).partitions(3).build();
    }
}
