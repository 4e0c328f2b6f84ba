package io.firebreak.statuspage.config;

import io.firebreak.statuspage.domain.PublicationPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class StatusPageConfig {

    @Bean
    public PublicationPolicy publicationPolicy(StatusPageProperties properties) {
        return new PublicationPolicy(properties.getPublishAtOnce(), properties.getPublishOnCustomerUpdate());
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
