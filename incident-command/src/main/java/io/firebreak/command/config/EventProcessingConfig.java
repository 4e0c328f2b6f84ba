package io.firebreak.command.config;

import io.firebreak.command.messaging.IncidentEventPublisher;
import io.firebreak.command.readmodel.IncidentViewProjection;
import io.firebreak.command.readmodel.LiveEventFeed;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
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

    /**
     * The live feed tails the event store itself instead of hearing only this instance's commands: with several
     * instances, a dashboard connected to one must also see what the others stored. Each instance tails on its own
     * (its token lives in memory, not in the shared token_entry, where one instance would claim it for all), from the
     * head at start-up: the feed is "what happens from now on".
     */
    @Bean
    public ConfigurerModule liveFeedTailsTheEventStore() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTokenStore(LiveEventFeed.GROUP, c -> new InMemoryTokenStore())
                .registerTrackingEventProcessor(LiveEventFeed.GROUP,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
