package io.firebreak.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of processes (user + system), from /proc/&lt;pid&gt;/stat: on two shared cores throughput swings with
 * whatever else runs, while the CPU a process spends per operation does not.
 */
final class Cpu {

    /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private Cpu() {
    }

    /** The process's CPU time so far, or 0 once it has ended. */
    static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** PostgreSQL's CPU time so far, by process: the postmaster and every backend running now. */
    static Map<Long, Long> postgres() {
        Map<Long, Long> byProcess = new HashMap<>();
        Rss.postgresPids().forEach(pid -> byProcess.put(pid, millis(pid)));
        return byProcess;
    }

    /**
     * PostgreSQL's CPU time between two samples: per process, so that a backend that ended in between (a service's
     * pool closed) does not count negative; what such a backend spent in the window is missed.
     */
    static long postgresBetween(Map<Long, Long> before, Map<Long, Long> after) {
        long total = 0;
        for (Map.Entry<Long, Long> process : after.entrySet()) {
            total += process.getValue() - before.getOrDefault(process.getKey(), 0L);
        }
        return total;
    }
}
