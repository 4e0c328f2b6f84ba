package io.firebreak.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Top frames of incident-command's JFR recording (execution samples), for the write-up. */
final class Profiles {

    private Profiles() {
    }

    static void summarise(Path recording, Map<String, String> results) throws IOException, InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(recording); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(recording)) {
            results.put("profile", "\"no recording\"");
            return;
        }
        Process jfr = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jfr").toString(), "print",
                "--events", "jdk.ExecutionSample", recording.toString()).redirectErrorStream(true).start();
        String text = new String(jfr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jfr.waitFor(2, TimeUnit.MINUTES);
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> firebreak = new HashMap<>();
        int samples = 0;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("stackTrace = [") && i + 1 < lines.length) {
                samples++;
                top.merge(frame(lines[i + 1]), 1, Integer::sum);
                for (int j = i + 1; j < lines.length && !lines[j].contains("]"); j++) {
                    if (lines[j].contains("io.firebreak")) {
                        firebreak.merge(frame(lines[j]), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        results.put("profile.samples", Integer.toString(samples));
        results.put("profile.topFrames", json(top(top, 12), samples));
        results.put("profile.topFirebreakFrames", json(top(firebreak, 8), samples));
    }

    private static String frame(String line) {
        return line.strip().replaceAll("\\s+line:.*", "").replace("\"", "'");
    }

    private static Map<String, Integer> top(Map<String, Integer> counts, int n) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static String json(Map<String, Integer> frames, int samples) {
        StringBuilder json = new StringBuilder("[");
        frames.forEach((frame, count) -> json.append(json.length() > 1 ? "," : "").append("{\"frame\":\"")
                .append(frame).append("\",\"share\":").append(String.format(java.util.Locale.ROOT, "%.3f",
                        samples == 0 ? 0 : (double) count / samples)).append('}'));
        return json.append(']').toString();
    }
}
