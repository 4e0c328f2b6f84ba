package io.firebreak.notification.config;

import io.firebreak.schemas.catalog.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * debrief-service's topic, consumed here for overdue debriefs: created when missing with the 3 partitions
 * debrief-service gives it, so this service can start (and subscribe) before debrief-service ever ran.
 */
@Configuration(proxyBeanMethods = false)
public class DebriefTopicConfig {

    @Bean
    public NewTopic debriefEventsTopic() {
        return TopicBuilder.name(Topics.DEBRIEF_EVENTS).partitions(3).build();
    }
}
