package io.firebreak.support.input;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict JSON for every service: unknown fields, duplicate keys and wrongly typed scalars are refused (400 naming
 * the field) instead of guessed at, and every string passes {@link TextPolicy}.
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
                .addModule(new SimpleModule("firebreak-input-policy")
                        .addDeserializer(String.class, new GuardedStringDeserializer()))
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

    @Bean
    public CodecCustomizer guardedJsonDecoder(JsonMapper mapper) {
        return configurer -> {
            GuardedJsonDecoder decoder = new GuardedJsonDecoder(mapper);
            decoder.setMaxInMemorySize(MAX_BODY_BYTES);
            configurer.defaultCodecs().jacksonJsonDecoder(decoder);
        };
    }

    @Bean
    public RequestSizeLimitFilter requestSizeLimitFilter() {
        return new RequestSizeLimitFilter();
    }
}
