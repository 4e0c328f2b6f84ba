package io.firebreak.schemas.serde;

import java.util.Map;

/** Chooses the {@link EventCodec} named by Kafka client configuration. */
final class EventCodecs {

    private EventCodecs() {
    }

    static EventCodec fromConfig(Map<String, ?> configs) {
        Object configured = configs == null ? null : configs.get(EventCodec.CONFIG);
        if (configured == null) {
            return new SingleObjectEventCodec();
        }
        if (configured instanceof EventCodec codec) {
            return codec;
        }
        String className = configured instanceof Class<?> c ? c.getName() : configured.toString();
        try {
            Object instance = Class.forName(className, true, Thread.currentThread().getContextClassLoader())
                    .getDeclaredConstructor().newInstance();
            if (instance instanceof EventCodec codec) {
                return codec;
            }
            throw new IllegalArgumentException(EventCodec.CONFIG + "=" + className + " is not an EventCodec");
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot create " + EventCodec.CONFIG + "=" + className, e);
        }
    }
}
