package io.firebreak.debrief.config;

import io.firebreak.debrief.domain.DebriefPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DebriefConfig {

    @Bean
    public DebriefPolicy debriefPolicy(DebriefProperties properties) {
        return new DebriefPolicy(properties.getForms(), properties.getDueAfterResolution());
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** JDBC runs here, never on a Netty event-loop thread. */
    @Bean(destroyMethod = "dispose")
    public Scheduler blockingScheduler(DebriefProperties properties) {
        return Schedulers.newBoundedElastic(properties.getBlockingThreads(), 10_000, "blocking");
    }
}
