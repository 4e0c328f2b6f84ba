package io.firebreak.deploy.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Alertmanager deliveries for a storm: each group's alerts arrive in cumulative notifications (every delivery
 * carries the whole group so far, as Alertmanager does), shuffled across groups, with 10% re-sent.
 */
final class AlertStorm {

    private AlertStorm() {
    }

    static List<String> payloads(String run, int groups, int alertsPerGroup, int notificationsPerGroup) {
        List<String> payloads = new ArrayList<>();
        int step = alertsPerGroup / notificationsPerGroup;
        for (int g = 0; g < groups; g++) {
            for (int n = 1; n <= notificationsPerGroup; n++) {
                payloads.add(payload(run, g, n * step));
            }
        }
        Random random = new Random(42);
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < payloads.size() / 10; i++) {
            duplicates.add(payloads.get(random.nextInt(payloads.size())));
        }
        payloads.addAll(duplicates);
        // keep each group's first delivery early, so most deliveries find the incident already declared
        Collections.shuffle(payloads, random);
        return payloads;
    }

    /** One firing alert in its own group, with the given Alertmanager {@code severity} label. */
    static String single(String group, String severity) {
        return "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"bench\",\"groupKey\":\"{}:{alertname=\\\""
                + group + "\\\"}\",\"truncatedAlerts\":0,\"groupLabels\":{\"alertname\":\"" + group + "\"},"
                + "\"commonLabels\":{\"alertname\":\"" + group + "\",\"severity\":\"" + severity + "\",\"service\":\"search\"},"
                + "\"commonAnnotations\":{\"summary\":\"" + group + " firing\"},\"externalURL\":\"http://alertmanager:9093\","
                + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"" + group + "\",\"severity\":\""
                + severity + "\",\"service\":\"search\"},\"annotations\":{\"summary\":\"" + group + " firing\"},"
                + "\"startsAt\":\"2026-11-25T01:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\","
                + "\"generatorURL\":\"http://prometheus:9090/graph\",\"fingerprint\":\"" + group + "\"}]}";
    }

    private static String payload(String run, int group, int alerts) {
        StringBuilder json = new StringBuilder("{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"bench\",")
                .append("\"groupKey\":\"{}:{alertname=\\\"Storm").append(run).append('-').append(group).append("\\\"}\",")
                .append("\"truncatedAlerts\":0,\"groupLabels\":{\"alertname\":\"Storm").append(group).append("\"},")
                .append("\"commonLabels\":{\"alertname\":\"Storm").append(group).append("\",\"severity\":\"warning\",")
                .append("\"service\":\"search\"},\"commonAnnotations\":{\"summary\":\"Storm group ").append(group)
                .append("\"},\"externalURL\":\"http://alertmanager:9093\",\"alerts\":[");
        for (int a = 0; a < alerts; a++) {
            if (a > 0) {
                json.append(',');
            }
            json.append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"Storm").append(group)
                    .append("\",\"instance\":\"i-").append(a).append("\",\"service\":\"search\",\"severity\":\"warning\"},")
                    .append("\"annotations\":{\"summary\":\"instance ").append(a).append(" is slow\"},")
                    .append("\"startsAt\":\"2026-11-25T01:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\",")
                    .append("\"generatorURL\":\"http://prometheus:9090/graph\",\"fingerprint\":\"")
                    .append(run).append('-').append(group).append('-').append(a).append("\"}");
        }
        return json.append("]}").toString();
    }
}
