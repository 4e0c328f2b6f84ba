package io.firebreak.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.support.IncidentCommandIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IncidentCommandIntegrationTest
class IncidentNamingIT {

    @Autowired
    IncidentNaming naming;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givesManySameTitledIncidentsDistinctChannelsWithoutProbingEverySuffix() {
        // the random part must not end the slug: six hex digits are all decimal one time in sixteen or so, and the
        // first name would then look numbered
        String title = "Same title " + UUID.randomUUID().toString().substring(0, 6) + " end";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add(naming.claimChannelName(UUID.randomUUID().toString(), title));
        }
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names.get(0)).doesNotMatch(".*-\\d+$");
        assertThat(names.get(1)).endsWith("-2");
        assertThat(names.get(299)).endsWith("-300");
        assertThat(names).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(80).matches("[a-z0-9-]+"));
    }

    @Test
    void stepsOverASuffixThatAnotherTitleAlreadyTook() {
        String title = "Clash " + UUID.randomUUID().toString().substring(0, 6);
        String first = naming.claimChannelName(UUID.randomUUID().toString(), title);
        String squatter = naming.claimChannelName(UUID.randomUUID().toString(), title + " 2");
        assertThat(squatter).isEqualTo(first + "-2");

        assertThat(naming.claimChannelName(UUID.randomUUID().toString(), title)).isEqualTo(first + "-3");
    }

    @Test
    void returnsTheSameNameWhenTheSameIncidentAsksAgain() {
        String incident = UUID.randomUUID().toString();
        String title = "Retry " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(naming.claimChannelName(incident, title)).isEqualTo(naming.claimChannelName(incident, title));
    }

    @Test
    void allocatesDistinctReferencesAndTheTitlesNameThenNumberedOnesAndTheSameNameOnARetry() {
        String title = "Allocated " + UUID.randomUUID().toString().substring(0, 6) + " end";
        String incident = UUID.randomUUID().toString();
        IncidentNaming.Names first = naming.allocate(incident, title, false);
        IncidentNaming.Names second = naming.allocate(UUID.randomUUID().toString(), title, false);
        IncidentNaming.Names retry = naming.allocate(incident, title, false);

        assertThat(first.reference()).matches("INC-\\d+");
        assertThat(List.of(first.reference(), second.reference(), retry.reference())).doesNotHaveDuplicates();
        assertThat(first.channelName()).startsWith("inc-").doesNotMatch(".*-\\d+$");
        assertThat(second.channelName()).isEqualTo(first.channelName() + "-2");
        assertThat(retry.channelName()).isEqualTo(first.channelName());
        assertThat(naming.allocate(UUID.randomUUID().toString(), title, true).channelName()).startsWith("drill-");
    }
}
