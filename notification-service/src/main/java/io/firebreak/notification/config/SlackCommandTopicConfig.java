package io.firebreak.notification.config;

import io.firebreak.schemas.catalog.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics of commands asked from Slack: this service publishes requests (through its outbox) and consumes
 * incident-command's answers. Created when missing, like the paging topic; whichever service starts first creates them.
 */
@Configuration(proxyBeanMethods = false)
public class SlackCommandTopicConfig {

    @Bean
    public NewTopic incidentCommandsTopic() {
        return TopicBuilder.name(Topics.INCIDENT_COMMANDS).partitions(3).build();
    }

    @Bean
    public NewTopic incidentCommandResultsTopic() {
        return TopicBuilder.name(Topics.INCIDENT_COMMAND_RESULTS).partitions(3).build();
    }
}
