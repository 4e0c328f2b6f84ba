package io.firebreak.statuspage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicLanguageTest {

    @ParameterizedTest
    @CsvSource({"INVESTIGATING,investigating", "FIXING,identified", "MONITORING,monitoring", "RESOLVED,resolved",
            "CLOSED,resolved"})
    void mapsStatusesToStatuspageWords(String status, String expected) {
        assertThat(PublicLanguage.incidentStatus(status)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL,critical,major_outage,Major System Outage", "MAJOR,major,partial_outage,Partial System Outage",
            "MINOR,minor,degraded_performance,Minor Service Outage"})
    void derivesImpactComponentStatusAndPageDescription(String severity, String impact, String component,
            String description) {
        assertThat(PublicLanguage.impact(severity)).isEqualTo(impact);
        assertThat(PublicLanguage.componentStatus(impact)).isEqualTo(component);
        assertThat(PublicLanguage.description(PublicLanguage.indicator(PublicLanguage.impactRank(impact))))
                .isEqualTo(description);
    }

    @Test
    void saysAllIsWellWithNoOpenIncident() {
        assertThat(PublicLanguage.description(PublicLanguage.indicator(0))).isEqualTo("All Systems Operational");
    }
}
