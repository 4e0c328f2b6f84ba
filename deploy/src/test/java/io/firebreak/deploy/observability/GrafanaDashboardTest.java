package io.firebreak.deploy.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped Grafana dashboard (deploy/grafana) queries only metrics the services export: the Firebreak ones are
 * each asserted by a service's own integration test (AckLinkIT, IncidentLifecycleIT), the others come from
 * Micrometer and the Kafka client.
 */
class GrafanaDashboardTest {

    static final Set<String> EXPORTED = Set.of("firebreak_incidents_open", "firebreak_pages_triggered_total",
            "firebreak_pages_acknowledged_total", "firebreak_pages_time_to_acknowledge_seconds_bucket",
            "firebreak_dead_letters_total", "firebreak_outbox_backlog",
            "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds_bucket",
            "http_server_requests_seconds_count");
    static final Pattern METRIC = Pattern.compile("\\b(firebreak_[a-z_]+|kafka_[a-z_]+|http_[a-z_]+)\\b");

    @Test
    void everyPanelQueriesAnExportedMetric() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("grafana/firebreak-dashboard.json")));
        List<String> titles = new ArrayList<>();
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            titles.add(panel.get("title").asText());
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                Matcher metric = METRIC.matcher(target.get("expr").asText());
                assertThat(metric.find()).as(target.get("expr").asText()).isTrue();
                do {
                    queried.add(metric.group(1));
                } while (metric.find());
            }
        }
        assertThat(EXPORTED).containsAll(queried);
        assertThat(titles).contains("Open incidents by severity", "Time to acknowledge",
                "Consumer lag by consumer (records)", "Dead letters (last hour)", "Outbox backlog (rows not yet on Kafka)");
    }
}
