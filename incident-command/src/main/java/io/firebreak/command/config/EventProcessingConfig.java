package io.firebreak.command.config;

import io.firebreak.command.messaging.IncidentEventPublisher;
import io.firebreak.command.readmodel.IncidentViewProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class EventProcessingConfig {

    /**
     * Axon's default logs a failing handler and moves on. For the read model that would commit a command
     * whose view is stale; for the publisher it would skip an event. Both propagate instead: the command
     * fails whole, or the publisher retries the batch.
     */
    @Bean
    public ConfigurerModule failFastHandlers() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(IncidentViewProjection.GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(IncidentEventPublisher.GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }
}
