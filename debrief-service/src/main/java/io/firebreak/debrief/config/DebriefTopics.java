package io.firebreak.debrief.config;

import io.firebreak.schemas.catalog.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic this service publishes (through its outbox); the dead-letter topics come from service-support. */
@Configuration(proxyBeanMethods = false)
public class DebriefTopics {

    @Bean
    public NewTopic debriefEventsTopic() {
        return TopicBuilder.name(Topics.DEBRIEF_EVENTS).partitions(3).build();
    }
}
