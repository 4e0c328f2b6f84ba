package io.firebreak.notification.config;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Slack client. Scheduling is on for this service's own workers (Slack sender, page deliveries, timers); the
 * clock, the blocking scheduler and the outbox relay come from service-support.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class NotificationConfig {

    /** The official Slack client, pointed at the configured Web API (a local stand-in in tests). */
    @Bean
    public Slack slack(NotificationProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.slack().apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }
}
