package io.firebreak.support.input;

import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The JSON decoder of every service: marks {@link RedactSecrets} bodies so their text is redacted, not refused. */
public final class GuardedJsonDecoder extends JacksonJsonDecoder {

    public GuardedJsonDecoder(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, ResolvableType elementType, Map<String, Object> hints) {
        ObjectReader customized = super.customizeReader(reader, elementType, hints);
        for (Class<?> type = elementType.toClass(); type != null; type = type.getEnclosingClass()) {
            if (type.isAnnotationPresent(RedactSecrets.class)) {
                return customized.withAttribute(GuardedStringDeserializer.REDACT, Boolean.TRUE);
            }
        }
        return customized;
    }
}
