package io.firebreak.statuspage.config;

import io.firebreak.statuspage.domain.PublicationPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The page's own beans; the clock, the blocking scheduler and the consumer pipeline come from service-support. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class StatusPageConfig {

    @Bean
    public PublicationPolicy publicationPolicy(StatusPageProperties properties) {
        return new PublicationPolicy(properties.getPublishAtOnce(), properties.getPublishOnCustomerUpdate());
    }
}
