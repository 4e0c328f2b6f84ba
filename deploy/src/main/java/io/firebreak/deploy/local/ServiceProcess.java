package io.firebreak.deploy.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One instance of a Firebreak service as its own JVM, with the {@code local} profile, logging to
 * {@code .firebreak/logs/<name>.log}.
 */
final class ServiceProcess implements SupervisedProcess, AutoCloseable {

    /** Lean JVM settings: the whole stack should idle well under 2.5 GB. */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-XX:TieredStopAtLevel=1",
            "-Daxoniq.update-checker.disabled=true");

    private final StackLayout.Service service;
    private final Process process;
    private final Path log;
    private final ServiceImage image;

    private ServiceProcess(StackLayout.Service service, Process process, Path log, ServiceImage image) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.image = image;
        process.onExit().thenAccept(exited -> image.exited(exited.exitValue()));
    }

    static ServiceProcess start(StackLayout layout, StackLayout.Service service, Map<String, String> passThrough)
            throws IOException {
        // extra JVM options for one service, e.g. FIREBREAK_JVM_OPTS_INCIDENT_COMMAND="-XX:StartFlightRecording=..."
        String extra = passThrough.get("FIREBREAK_JVM_OPTS_" + service.module().toUpperCase().replace('-', '_'));
        List<String> extraOptions = extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
        // the extracted jar with its class-data-sharing archive; the first instance records the archive if none exists
        ServiceImage image = ServiceImage.of(jarOf(layout.root(), service.module()),
                ServiceImage.Mode.from(passThrough, ServiceImage.Mode.USE), service.instance() == 1, extraOptions);
        Path log = layout.logs().resolve(service.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // settings meant for the services (Slack, PagerDuty, timeouts) pass through from the launcher's environment
        passThrough.forEach((name, value) -> {
            if (name.startsWith("FIREBREAK_")) {
                env.put(name, value);
            }
        });
        env.put("FIREBREAK_DB_URL", layout.jdbcUrl());
        env.put("FIREBREAK_DB_USER", layout.dbUser());
        env.put("FIREBREAK_DB_PASSWORD", layout.dbPassword());
        env.put("FIREBREAK_KAFKA_BOOTSTRAP", layout.kafkaBootstrap());
        env.put("FIREBREAK_STATUSPAGE_URL", layout.urlOf("statuspage-service"));
        env.put("FIREBREAK_DEBRIEF_URL", layout.urlOf("debrief-service"));
        // the console's settings: a URL set in the launcher's environment wins; origins set there are kept beside ours
        layout.consoleEnv().forEach((name, value) -> env.merge(name, value,
                (given, ours) -> name.equals("FIREBREAK_CORS_ORIGINS") ? given + "," + ours : given));
        // the command comes last: whether AOT applies depends on the environment just built
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(image.jvmFlags());
        command.addAll(AheadOfTime.jvmFlags(image.jar(), env));
        command.addAll(extraOptions);
        command.addAll(List.of("-jar", image.jar().toString(), "--spring.profiles.active=local",
                "--server.port=" + service.port()));
        return new ServiceProcess(service, builder.command(command).start(), log, image);
    }

    /** Waits until the service's actuator health answers UP. */
    @Override
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                + "/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited (code " + process.exitValue()
                        + "); see " + log);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.name() + " was not healthy within " + timeout + "; see " + log);
    }

    static Path jarOf(Path root, String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        // a nested module (deploy/framework-floor) names its jar after its last path segment
        String artifact = Path.of(module).getFileName().toString();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(artifact + "-[0-9].*\\.jar"))
                    .findFirst().orElseThrow(() -> new IOException("No jar for " + module + " in " + target
                            + "; build with ./mvnw -B install -DskipTests"));
        }
    }

    @Override
    public String name() {
        return service.name();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public java.util.concurrent.CompletableFuture<Integer> exited() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    @Override
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Whether this JVM records a class-data archive when it stops. */
    boolean recordsArchive() {
        return image.records();
    }

    StackLayout.Service service() {
        return service;
    }

    /** Asks the service to shut down gracefully without waiting, so all services stop in parallel. */
    @Override
    public void requestStop() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        // writing a class-data archive at exit takes ~13 s of CPU; four at once on two busy cores need more than 30 s
        if (!process.waitFor(image.records() ? 120 : 30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        // before the launcher itself exits (the exit callback may not run in time)
        image.exited(process.exitValue());
    }
}
