package io.firebreak.command.config;

import io.firebreak.command.messaging.IncidentEventPublisher;
import io.firebreak.command.readmodel.IncidentViewProjection;
import io.firebreak.command.readmodel.LiveEventFeed;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
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
     * head at start-up: the feed is "what happens from now on". It reads through the publisher's source, whose store
     * polls every {@code firebreak.publisher.fetch-delay} (25 ms) when idle: a declaration commits in a transaction
     * around its command, after Axon's unit of work has already woken the application store's reader, so on that
     * store (1 s fetch delay) a declaration reached the console's board about a second late
     * (ConsoleBrowserE2EIT measured ~1 s for declarations against ~30 ms for notes).
     */
    @Bean
    public ConfigurerModule liveFeedTailsTheEventStore(ObjectProvider<PublisherEventSource> source) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTokenStore(LiveEventFeed.GROUP, c -> new InMemoryTokenStore())
                .registerTrackingEventProcessor(LiveEventFeed.GROUP,
                        // looked up when the processor starts: the source itself needs Axon's configuration
                        c -> source.getObject(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
