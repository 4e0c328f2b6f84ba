package io.firebreak.support.input;

import io.firebreak.support.config.SupportProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict JSON for every service: unknown fields, duplicate keys and wrongly typed scalars are refused (400 naming
 * the field) instead of guessed at, and every string of a request body passes {@link TextPolicy}.
 */
@AutoConfiguration
public class InputPolicyConfiguration {

    /** Request bodies above this many bytes are refused (413) before they are read. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    @Bean
    public JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /**
     * Request bodies only: the server's JSON decoder reads with a copy of the mapper whose strings pass
     * {@link TextPolicy}. Clients (WebClient, tests reading responses) keep the plain mapper, so what the service
     * itself stored and answers is never refused on the way back.
     */
    @Bean
    public GuardedRequestBodies guardedRequestBodies(JsonMapper mapper, SupportProperties properties) {
        SupportProperties.Input bounds = properties.input();
        return new GuardedRequestBodies(mapper.rebuild()
                .addModule(new SimpleModule("firebreak-input-policy")
                        .addDeserializer(String.class, new GuardedStringDeserializer())
                        .addDeserializer(java.time.Instant.class,
                                new BoundedTimeDeserializers.Instants(bounds.earliest(), bounds.latest()))
                        .addDeserializer(java.time.LocalDate.class,
                                new BoundedTimeDeserializers.Dates(bounds.earliest(), bounds.latest())))
                .build());
    }

    /** Applied after Boot's own codec configuration, so its decoder is the one requests use. */
    @Order(Ordered.LOWEST_PRECEDENCE)
    public static final class GuardedRequestBodies implements WebFluxConfigurer {

        private final JsonMapper guarded;

        GuardedRequestBodies(JsonMapper guarded) {
            this.guarded = guarded;
        }

        @Override
        public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
            GuardedJsonDecoder decoder = new GuardedJsonDecoder(guarded);
            decoder.setMaxInMemorySize(MAX_BODY_BYTES);
            configurer.defaultCodecs().jacksonJsonDecoder(decoder);
        }
    }

    @Bean
    public RequestSizeLimitFilter requestSizeLimitFilter() {
        return new RequestSizeLimitFilter();
    }
}
