package io.firebreak.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes deploy/target/bench/results.json and BENCHMARKS.md (keeping the hand-written analysis below its marker). */
final class Report {

    static final String MARKER = "<!-- analysis: text below this line is kept when the benchmark rewrites the file -->";

    private Report() {
    }

    /** A partial run's figures only: deploy/target/bench/results.json. */
    static void writeResults(Path root, Map<String, String> results) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        results.forEach((key, value) -> json.append("  \"").append(key).append("\": ").append(value).append(",\n"));
        json.append("  \"partial\": true\n}\n");
        Files.writeString(root.resolve("deploy/target/bench/results.json"), json);
    }

    static void write(Path root, Map<String, String> results, List<String[]> table, Duration took) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        results.forEach((key, value) -> json.append("  \"").append(key).append("\": ").append(value).append(",\n"));
        json.append("  \"tookSeconds\": ").append(took.toSeconds()).append("\n}\n");
        Files.writeString(root.resolve("deploy/target/bench/results.json"), json);

        Path file = root.resolve("BENCHMARKS.md");
        String analysis = "";
        Map<String, String> previous = Map.of();
        String previousDate = "";
        if (Files.exists(file)) {
            String old = Files.readString(file);
            int at = old.indexOf(MARKER);
            analysis = at < 0 ? "" : old.substring(at + MARKER.length());
            previous = figures(old);
            previousDate = previous.getOrDefault("date", "");
        }
        StringBuilder md = new StringBuilder("# Benchmarks\n\n")
                .append("Reproduce: `deploy/bench.sh` (builds what is missing, starts the whole stack on its own ports, ")
                .append("runs every scenario after a warm-up, writes this file and `deploy/target/bench/results.json`).\n\n")
                .append("| | |\n|---|---|\n")
                .append("| date | ").append(LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES)).append(" |\n")
                .append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(memory()).append(" |\n")
                .append("| java | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(" |\n")
                .append("| versions | Spring Boot 4.0.7, Axon 4.13.0, Kafka 4.1.2 (one KRaft broker), PostgreSQL 17 (zonky) |\n")
                .append("| run took | ").append(took.toSeconds()).append(" s |\n\n")
                .append("| scenario | figure | previous run (").append(previousDate)
                .append(") | baseline / target | verdict |\n|---|---|---|---|---|\n");
        for (String[] row : table) {
            md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ")
                    .append(previous.getOrDefault(row[0], "(new)")).append(" | ").append(row[2]).append(" | ")
                    .append(row[3]).append(" |\n");
        }
        if (results.containsKey("profile.topFrames")) {
            md.append("\nProfile of the hottest scenario (incident-command under the command-path load, JFR execution")
                    .append(" samples):\n\n")
                    .append("- top frames: `").append(results.get("profile.topFrames")).append("`\n")
                    .append("- top Firebreak frames: `").append(results.getOrDefault("profile.topFirebreakFrames", "[]"))
                    .append("`\n");
        } else {
            md.append("\nNo profile in this run: `BENCH_PROFILE=true deploy/bench.sh` records incident-command's JFR")
                    .append(" profile under the command-path load (a recording rules out its class-data archive).\n");
        }
        md.append("\n").append(MARKER).append(analysis.isEmpty() ? "\n" : analysis);
        Files.writeString(file, md);
    }

    /**
     * The figures of the file's table by scenario (and its date under "date"): each run's table shows the one before,
     * as issue 19 asks. A scenario whose label changed shows as new.
     */
    static Map<String, String> figures(String markdown) {
        Map<String, String> figures = new HashMap<>();
        int end = markdown.indexOf(MARKER);
        for (String line : (end < 0 ? markdown : markdown.substring(0, end)).split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| scenario |")) {
                continue;
            }
            String[] cells = line.substring(2, line.length() - (line.endsWith(" |") ? 2 : 0)).split(" \\| ", -1);
            if (cells.length >= 2) {
                figures.putIfAbsent(cells[0], cells[1]);
            }
        }
        return figures;
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "memory unknown";
        }
        return "memory unknown";
    }
}
