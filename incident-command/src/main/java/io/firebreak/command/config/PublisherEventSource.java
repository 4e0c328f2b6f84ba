package io.firebreak.command.config;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The Kafka publisher's event source (named in {@code axon.eventhandling.processors.kafka-publisher.source}): the
 * event store read through the publisher's own connection pool. Only a message source, so Axon does not mistake it
 * for the application's event store.
 */
public final class PublisherEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EmbeddedEventStore store;

    PublisherEventSource(EmbeddedEventStore store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return store.openStream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    public void shutDown() {
        store.shutDown();
    }
}
