package io.firebreak.support.kafka;

import io.firebreak.schemas.serde.FirebreakEventDeserializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes an event as {@link FirebreakEventDeserializer} does, then makes its text storable: NUL characters (which
 * PostgreSQL refuses in text) are replaced by U+FFFD in every string, however nested. The write side refuses NUL
 * today; this keeps a projection from dead-lettering an event that an older or another producer let through.
 */
public class SanitizingEventDeserializer implements Deserializer<SpecificRecord> {

    private final FirebreakEventDeserializer delegate = new FirebreakEventDeserializer();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return sanitized(delegate.deserialize(topic, data));
    }

    @Override
    public SpecificRecord deserialize(String topic, Headers headers, byte[] data) {
        return sanitized(delegate.deserialize(topic, headers, data));
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The same record with every string storable; the record itself is changed in place. */
    public static SpecificRecord sanitized(SpecificRecord record) {
        if (record == null) {
            return null;
        }
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            Object clean = clean(value);
            if (clean != value) {
                record.put(field.pos(), clean);
            }
        }
        return record;
    }

    private static Object clean(Object value) {
        if (value instanceof CharSequence text) {
            String string = text.toString();
            return string.indexOf('\u0000') < 0 ? value : string.replace('\u0000', '\uFFFD');
        }
        if (value instanceof SpecificRecord nested) {
            sanitized(nested);
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> cleaned = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object element : list) {
                Object c = clean(element);
                changed |= c != element;
                cleaned.add(c);
            }
            return changed ? cleaned : value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> cleaned = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object k = clean(entry.getKey());
                Object v = clean(entry.getValue());
                changed |= k != entry.getKey() || v != entry.getValue();
                cleaned.put(k, v);
            }
            return changed ? cleaned : value;
        }
        return value;
    }
}
