package io.firebreak.debrief.config;

import io.firebreak.debrief.domain.DebriefPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The debrief rules from {@code firebreak.debrief.*}. Clock and blocking scheduler come from service-support. */
@Configuration(proxyBeanMethods = false)
public class DebriefConfig {

    @Bean
    public DebriefPolicy debriefPolicy(DebriefProperties properties) {
        return new DebriefPolicy(properties.getForms(), properties.getDueAfterResolution());
    }
}
