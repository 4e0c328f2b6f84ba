package io.firebreak.deploy.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a service JVM runs: its Boot jar extracted ({@code java -Djarmode=tools -jar x.jar extract}) under
 * {@code <module>/target/firebreak-cds/<jar stamp>/}, with a class-data-sharing archive ({@code app.jsa}) beside it
 * once one exists. Measured on 2 cores (incident-command alone, CPU time to healthy): the nested Boot jar 15.8 s,
 * the extracted jar 10.7 s, the extracted jar with the archive 7.5 s (deploy/README.md has every service).
 * <p>
 * The archive needs PostgreSQL and Kafka to be recorded (the context connects while it refreshes), which the build
 * does not have, so {@code ./firebreak-local} records it on the first launch of a jar: that JVM runs with
 * {@code -XX:ArchiveClassesAtExit} and writes the classes it loaded when it stops gracefully (about 13 s of CPU per
 * service, once per built jar); the launcher adopts the file only after a clean exit, so a crash or SIGKILL mid-write
 * leaves no archive. Later launches of the same jar map it. The test and benchmark stacks use an archive that exists
 * but do not record one ({@link Mode}): CI builds fresh jars, and an archive recorded at the end of a suite would
 * cost more CPU than it saves. A rebuilt jar has a new stamp, so it is extracted afresh and runs without an archive
 * until its own is recorded: a stale archive is never used (the JVM would ignore one whose jars changed, with the
 * warning "Unable to use shared archive", and start normally). Anything that fails here falls back to the jar as
 * built, so the archive can only make a start faster, never break it.
 */
final class ServiceImage {

    /** {@code FIREBREAK_CLASS_ARCHIVE}: what a launch does about the archive. */
    enum Mode {
        /** Use the archive; without one, the first instance records it at its graceful stop ({@code ./firebreak-local}). */
        RECORD,
        /** Use the archive if one was recorded; never record (the programmatic stacks: tests, benchmark). */
        USE,
        /** Run the Boot jar as built: no extraction, no archive. */
        OFF;

        static final String VARIABLE = "FIREBREAK_CLASS_ARCHIVE";

        static Mode from(java.util.Map<String, String> env, Mode fallback) {
            String value = env.get(VARIABLE);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(VARIABLE + " must be record, use or off, not " + value);
            }
        }
    }

    static final String DIRECTORY = "firebreak-cds";
    static final String ARCHIVE = "app.jsa";

    /** JVM options that install a class-file load hook, which the archive must not meet (see {@link #of}). */
    private static final List<String> CLASS_FILE_HOOKS = List.of("-XX:StartFlightRecording", "-XX:+FlightRecorder",
            "-javaagent", "-agentlib", "-agentpath");

    /** 0 after a clean exit, 143 after SIGTERM (the launcher's graceful stop): the JVM wrote its archive. */
    private static final Set<Integer> CLEAN_EXITS = Set.of(0, 143);

    /** One lock per module's directory: the file lock below does not exclude threads of this JVM. */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Path jar;
    private final List<String> jvmFlags;
    private final Path recording;
    private final Path archive;

    private ServiceImage(Path jar, List<String> jvmFlags, Path recording, Path archive) {
        this.jar = jar;
        this.jvmFlags = jvmFlags;
        this.recording = recording;
        this.archive = archive;
    }

    /**
     * The image of a module's Boot jar, extracting it first when this jar has not been extracted yet. Only the first
     * instance of a service records an archive.
     */
    static ServiceImage of(Path bootJar, Mode mode, boolean firstInstance) {
        return of(bootJar, mode, firstInstance, List.of());
    }

    /**
     * As above, for a JVM started with these extra options: one that installs a class-file load hook (a flight
     * recording, a Java agent) runs the extracted jar without the archive and records none. OpenJDK 17.0.15 crashed
     * (SIGSEGV in {@code KlassFactory::check_shared_class_file_load_hook}) loading a class from the archive with
     * {@code -XX:StartFlightRecording} on, in the benchmark's incident-command (2026-11-26).
     */
    static ServiceImage of(Path bootJar, Mode mode, boolean firstInstance, List<String> extraJvmOptions) {
        if (mode == Mode.OFF) {
            return new ServiceImage(bootJar, List.of(), null, null);
        }
        boolean hooked = extraJvmOptions.stream().anyMatch(option -> CLASS_FILE_HOOKS.stream().anyMatch(
                option::startsWith));
        boolean record = mode == Mode.RECORD && firstInstance && !hooked;
        try {
            Path extracted = extracted(bootJar);
            Path archive = extracted.getParent().resolve(ARCHIVE);
            if (hooked) {
                return new ServiceImage(extracted, List.of(), null, archive);
            }
            if (present(archive)) {
                return new ServiceImage(extracted, List.of("-XX:SharedArchiveFile=" + archive), null, archive);
            }
            if (!record) {
                return new ServiceImage(extracted, List.of(), null, archive);
            }
            Path recording = extracted.getParent().resolve("app-" + UUID.randomUUID() + ".jsa.tmp");
            // -Xlog:cds=error: recording warns once for every class it cannot archive (proxies, old bytecode)
            return new ServiceImage(extracted, List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=error"),
                    recording, archive);
        } catch (IOException | RuntimeException e) {
            return new ServiceImage(bootJar, List.of(), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceImage(bootJar, List.of(), null, null);
        }
    }

    /**
     * Extracts a module's jar ahead of its launch (the stack does it while PostgreSQL and Kafka start); a failure
     * here only means the launch tries again and falls back to the jar as built.
     */
    static void prepare(Path bootJar) {
        try {
            extracted(bootJar);
        } catch (IOException | RuntimeException e) {
            // the launch falls back to the Boot jar
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The jar to run with {@code -jar}. */
    Path jar() {
        return jar;
    }

    /** Whether this launch writes an archive when it stops (which makes that stop take longer). */
    boolean records() {
        return recording != null;
    }

    /** The JVM flags that use or record the archive. */
    List<String> jvmFlags() {
        return jvmFlags;
    }

    /**
     * Called once the JVM has exited: keeps the archive it recorded after a clean exit, drops a partial one otherwise.
     * Idempotent, so both the exit callback and {@code close} may call it.
     */
    synchronized void exited(int exitCode) {
        if (recording == null || !Files.exists(recording)) {
            return;
        }
        try {
            if (CLEAN_EXITS.contains(exitCode) && Files.size(recording) > 0) {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.delete(recording);
            }
        } catch (IOException e) {
            // without the archive the next start is only slower
        }
    }

    /**
     * {@code target/firebreak-cds/<mtime>-<size>/<jar>}: extracted once per built jar, under a file lock so instances
     * and concurrent launchers extract it once; older extractions (and their archives) are removed.
     */
    private static Path extracted(Path bootJar) throws IOException, InterruptedException {
        Path extracted = extractionOf(bootJar);
        Path version = extracted.getParent();
        Path base = version.getParent();
        String stamp = version.getFileName().toString();
        Files.createDirectories(base);
        synchronized (LOCKS.computeIfAbsent(base, b -> new Object())) {
            try (FileChannel channel = FileChannel.open(base.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(extracted)) {
                    return extracted;
                }
                Path temp = base.resolve(stamp + ".tmp-" + UUID.randomUUID());
                extract(bootJar, temp);
                removeOthers(base, Set.of(".lock", temp.getFileName().toString()));
                Files.move(temp, version, StandardCopyOption.ATOMIC_MOVE);
                return extracted;
            }
        }
    }

    /** Whether this build of the jar has its archive. */
    static boolean archiveRecorded(Path bootJar) throws IOException {
        return present(extractionOf(bootJar).getParent().resolve(ARCHIVE));
    }

    private static boolean present(Path archive) throws IOException {
        return Files.isRegularFile(archive) && Files.size(archive) > 0;
    }

    /** Where this build of the jar is (or will be) extracted: a rebuilt jar has another modification time or size. */
    static Path extractionOf(Path bootJar) throws IOException {
        String stamp = Files.getLastModifiedTime(bootJar).toMillis() + "-" + Files.size(bootJar);
        return bootJar.getParent().resolve(DIRECTORY).resolve(stamp).resolve(bootJar.getFileName());
    }

    private static void extract(Path bootJar, Path destination) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djarmode=tools", "-jar",
                bootJar.toString(), "extract", "--destination", destination.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("extracting " + bootJar + " took longer than 2 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException("extracting " + bootJar + " failed (exit " + process.exitValue() + ")");
        }
    }

    /**
     * Deletes every earlier extraction (a jar rebuilt while the stack runs): a JVM still running from one keeps the
     * files it has open, as it would keep a Boot jar replaced under it.
     */
    private static void removeOthers(Path base, Set<String> keep) throws IOException {
        try (Stream<Path> entries = Files.list(base)) {
            for (Path entry : entries.filter(p -> !keep.contains(p.getFileName().toString())).toList()) {
                deleteTree(entry);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
