package io.firebreak.command.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
public class BlockingWorkConfig {

    /**
     * JDBC and Axon's synchronous command bus block; they run here, never on a Netty event-loop thread. Bounded
     * in threads and queue so overload turns into back-pressure, not unbounded memory.
     */
    @Bean(destroyMethod = "dispose")
    public Scheduler blockingScheduler(FirebreakProperties properties) {
        return Schedulers.newBoundedElastic(properties.getBlockingThreads(), 10_000, "blocking");
    }
}
