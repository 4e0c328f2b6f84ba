package io.firebreak.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

/**
 * Consumer lag per partition ({@code kafka_consumer_fetch_manager_records_lag}) shows within seconds of a consumer's
 * first fetch, not after a minute. The Kafka client creates a partition's lag metric on its first fetch of it, and
 * Micrometer looks for new client metrics every {@value #REFRESH_SECONDS} s here instead of its default 60 s: after a
 * restart, which is when lag matters, an operator's dashboard (and the benchmark) otherwise saw none for a minute.
 * Boot's listener on the consumer factory is replaced by the same listener with the shorter refresh.
 */
public final class PromptConsumerLag implements BeanPostProcessor, DisposableBean {

    static final int REFRESH_SECONDS = 5;

    private final ObjectProvider<MeterRegistry> registry;
    private final ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kafka-consumer-metrics");
        thread.setDaemon(true);
        return thread;
    });

    public PromptConsumerLag(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DefaultKafkaConsumerFactory<?, ?> factory) {
            replaceListener(factory);
        }
        return bean;
    }

    private <K, V> void replaceListener(DefaultKafkaConsumerFactory<K, V> factory) {
        List<ConsumerFactory.Listener<K, V>> boots = factory.getListeners().stream()
                .filter(MicrometerConsumerListener.class::isInstance).toList();
        if (boots.isEmpty()) {
            return;
        }
        boots.forEach(factory::removeListener);
        factory.addListener(new Listener<>(registry.getObject(), refresh));
    }

    @Override
    public void destroy() {
        refresh.shutdownNow();
    }

    private static final class Listener<K, V> extends MicrometerConsumerListener<K, V> {

        private final ScheduledExecutorService refresh;

        Listener(MeterRegistry registry, ScheduledExecutorService refresh) {
            super(registry);
            this.refresh = refresh;
        }

        @Override
        protected MeterBinder createClientMetrics(Consumer<K, V> consumer, List<Tag> tags) {
            return new KafkaClientMetrics(consumer, tags, refresh, Duration.ofSeconds(REFRESH_SECONDS));
        }
    }
}
