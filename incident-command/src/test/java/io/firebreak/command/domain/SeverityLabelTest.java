package io.firebreak.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.api.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeverityLabelTest {

    @ParameterizedTest
    @CsvSource({"MINOR,MINOR", "major,MAJOR", "Critical,CRITICAL", "low,MINOR", "Medium,MAJOR", "HIGH,CRITICAL",
            "SEV1,CRITICAL", "sev2,MAJOR", "SEV-3,MINOR", "sev 4,MINOR", "P0,CRITICAL", "p1,MAJOR", "P2,MINOR",
            "P3,MINOR"})
    void mapsEveryAliasOfTheSeeds(String label, Severity expected) {
        assertThat(SeverityLabel.parse(label)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEV5", "P4", "urgent", "", "1"})
    void refusesUnknownLabels(String label) {
        assertThat(SeverityLabel.parse(label)).isEmpty();
    }
}
