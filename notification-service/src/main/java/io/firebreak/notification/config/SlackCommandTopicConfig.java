package io.firebreak.notification.config;

import io.firebreak.schemas.catalog.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics of commands asked from Slack: this service publishes requests (through its outbox) and consumes
 * incident-command's answers. Created when missing, like the paging topic; whichever service starts first creates them,
 * so both create them with incident-command's 6 partitions (its default {@code firebreak.topic-partitions}): with 3
 * here, incident-command starting second raised them to 6 and this service's consumer and producer did not see the new
 * partitions until their metadata refreshed (up to 5 minutes), so answers in those partitions were not read.
 */
@Configuration(proxyBeanMethods = false)
public class SlackCommandTopicConfig {

    @Bean
    public NewTopic incidentCommandsTopic() {
        return TopicBuilder.name(Topics.INCIDENT_COMMANDS).partitions(6).build();
    }

    @Bean
    public NewTopic incidentCommandResultsTopic() {
        return TopicBuilder.name(Topics.INCIDENT_COMMAND_RESULTS).partitions(6).build();
    }
}
