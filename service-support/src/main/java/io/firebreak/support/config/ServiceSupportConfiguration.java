package io.firebreak.support.config;

import io.firebreak.support.metrics.PromptConsumerLag;
import io.firebreak.support.problem.ProblemHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The plumbing every service gets by depending on service-support. */
@AutoConfiguration
@EnableConfigurationProperties(SupportProperties.class)
@Import(ProblemHandler.class)
public class ServiceSupportConfiguration {

    /** The one clock: tests replace it with one they can move. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * JDBC and other blocking calls run here, never on a Netty event-loop thread. Bounded in threads and queue so
     * overload turns into back-pressure, not unbounded memory.
     */
    @Bean(destroyMethod = "dispose")
    @ConditionalOnMissingBean(name = "blockingScheduler")
    public Scheduler blockingScheduler(SupportProperties properties) {
        return Schedulers.newBoundedElastic(properties.blockingThreads(), 10_000, "blocking");
    }

    /** Consumer lag per partition shows within seconds of a consumer's first fetch ({@link PromptConsumerLag}). */
    @Bean
    public static PromptConsumerLag promptConsumerLag(ObjectProvider<MeterRegistry> registry) {
        return new PromptConsumerLag(registry);
    }
}
