package io.firebreak.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Resident memory of processes, from /proc. */
final class Rss {

    private Rss() {
    }

    static long kilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Every postgres process of the stack (postmaster and backends); shared buffers count once per process. */
    static long postgresKilobytes() {
        return postgresPids().stream().mapToLong(Rss::kilobytes).sum();
    }

    /** The stack's PostgreSQL processes as they are now: the postmaster and its backends. */
    static List<Long> postgresPids() {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) processes::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains("embedded-pg") || cmd.startsWith("postgres:")) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }
}
