package io.firebreak.command.web.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.schemas.sensitive.SecretDetector;
import io.firebreak.support.testing.SecretSamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MonitoringKeyTest {

    @Test
    void keepsOnlyADigestAndRedactedTextOfASecretLookingKey() {
        for (var sample : SecretSamples.all().entrySet()) {
            MonitoringKey key = MonitoringKey.of("group " + sample.getValue());
            assertThat(key.text()).as(sample.getKey()).doesNotContain(SecretSamples.rawValue(sample.getKey()))
                    .contains("[REDACTED:");
            assertThat(SecretDetector.first(key.text())).as(sample.getKey() + " scans clean").isEmpty();
            assertThat(SecretDetector.first(AlertText.clean(key.text(), 255))).as(sample.getKey()).isEmpty();
            assertThat(key.identity()).isEqualTo(MonitoringKey.of("group " + sample.getValue()).identity())
                    .doesNotContain(SecretSamples.rawValue(sample.getKey()));
        }
        assertThat(MonitoringKey.of("password=hunter2").identity())
                .isNotEqualTo(MonitoringKey.of("password=hunter3").identity());
        assertThat(MonitoringKey.of("plain-key").text()).isEqualTo("plain-key");
    }

    @Test
    void isReadFromJsonThroughItsOwnDeserializer() {
        record Body(MonitoringKey key) {
        }
        Body body = JsonMapper.builder().build().readValue("{\"key\": \"a password=hunter2\"}", Body.class);
        assertThat(body.key().text()).contains("[REDACTED:password]").doesNotContain("hunter2");
        assertThat(body.key().identity()).isEqualTo(MonitoringKey.of("a password=hunter2").identity());
    }
}
