package io.firebreak.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs kafka-tools' own performance tools in a JVM of their own, from deploy/target/lib. */
final class KafkaTools {

    private KafkaTools() {
    }

    static String run(String main, String... args) throws IOException, InterruptedException {
        String lib = Path.of(System.getProperty("firebreak.root", ".")).resolve("deploy/target/lib").toAbsolutePath() + "/*";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", lib, main));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(5, TimeUnit.MINUTES);
        return output;
    }

    static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    static String grep(String output, String prefix) {
        for (String line : output.split("\n")) {
            if (line.contains(prefix)) {
                return line.strip();
            }
        }
        return lastLine(output);
    }

    /** nMsg.sec from ConsumerPerformance's CSV line. */
    static double consumerRate(String output) {
        String[] lines = output.strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].contains("nMsg.sec")) {
                continue;
            }
            String[] header = lines[i].split(",");
            for (int j = i + 1; j < lines.length; j++) {
                String[] values = lines[j].split(",");
                if (values.length == header.length) {
                    for (int c = 0; c < header.length; c++) {
                        if (header[c].strip().equals("nMsg.sec")) {
                            return Double.parseDouble(values[c].strip());
                        }
                    }
                }
            }
        }
        return Double.NaN;
    }
}
