package io.firebreak.command.web.integrations;

import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Decoder;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.DecoderHttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebInputException;

/**
 * Decodes a JSON body the endpoint first took as bytes, with the very decoder {@code @RequestBody} would have used
 * (service-support's input policy: strict, redacting {@code RedactSecrets} bodies), and fails the same way: a
 * {@link ServerWebInputException}, which the problem handler turns into a 400 naming the field.
 */
@Component
class JsonBodies {

    private final Decoder<?> json;

    JsonBodies(ServerCodecConfigurer codecs) {
        this.json = codecs.getReaders().stream()
                .filter(reader -> reader instanceof DecoderHttpMessageReader<?>
                        && reader.canRead(ResolvableType.forClass(AlertmanagerPayload.class), MediaType.APPLICATION_JSON))
                .map(reader -> ((DecoderHttpMessageReader<?>) reader).getDecoder())
                .findFirst().orElseThrow(() -> new IllegalStateException("No JSON decoder is configured"));
    }

    <T> T read(byte[] body, Class<T> type) {
        try {
            Object decoded = json.decode(DefaultDataBufferFactory.sharedInstance.wrap(body),
                    ResolvableType.forClass(type), MediaType.APPLICATION_JSON, Map.of());
            if (decoded == null) {
                throw new ServerWebInputException("Request body is missing");
            }
            return type.cast(decoded);
        } catch (DecodingException e) {
            throw new ServerWebInputException("Failed to read HTTP message", null, e);
        }
    }
}
