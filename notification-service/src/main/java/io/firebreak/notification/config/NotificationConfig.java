package io.firebreak.notification.config;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

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

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** JDBC for the read and ack API runs here, never on a Netty event-loop thread. */
    @Bean(destroyMethod = "dispose")
    public Scheduler blockingScheduler() {
        return Schedulers.newBoundedElastic(16, 10_000, "blocking");
    }
}
