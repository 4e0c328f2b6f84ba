package io.firebreak.deploy.bench;

import io.firebreak.deploy.local.LocalStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The framework floor (deploy/framework-floor): Spring Boot WebFlux + Axon + a JDBC event store and nothing of
 * Firebreak's, started with the services' JVM flags ({@code LocalStack.serviceJvmFlags()}: heap, GC, C1; not their AOT
 * or class-data archive, which serve start-up) against the stack's PostgreSQL (its own schema), so the command rows
 * can be read beside what their frameworks alone cost on the same machine in the same run.
 */
final class FrameworkFloor implements AutoCloseable {

    private final Process process;
    private final String url;

    private FrameworkFloor(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the floor's jar and waits until it answers HTTP; null when the module was not built. */
    static FrameworkFloor start(Path root, String jdbcUrl, Path log) throws Exception {
        Path jar;
        try {
            jar = LocalStack.jarOf(root, "deploy/framework-floor");
        } catch (IOException notBuilt) {
            return null;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LocalStack.serviceJvmFlags());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
        FrameworkFloor floor = new FrameworkFloor(builder.start(), "http://127.0.0.1:" + port);
        try {
            floor.awaitAnswering(Duration.ofSeconds(60));
        } catch (Exception | Error failed) {
            // not handed to the caller's try-with-resources: stop it here, or it outlives the run
            try {
                floor.close();
            } catch (InterruptedException interrupted) {
                failed.addSuppressed(interrupted);
                Thread.currentThread().interrupt();
            }
            throw failed;
        }
        return floor;
    }

    long pid() {
        return process.pid();
    }

    /** Declare + 4 notes, as the command rows' incident lifecycle is a declaration and four commands. */
    void lifecycle(Load.Recorder r) throws Exception {
        String id = Http.id(r.time(() -> Http.post(url + "/incidents",
                "{\"title\":\"Bench incident\",\"severity\":\"MINOR\"}")));
        for (int i = 0; i < 4; i++) {
            r.time(() -> Http.post(url + "/incidents/" + id + "/notes", "{\"text\":\"looking\"}"));
        }
    }

    private void awaitAnswering(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the framework floor exited with " + process.exitValue());
            }
            try {
                // any answer (a 404 for /) means Netty is up, and the context with it
                client.send(HttpRequest.newBuilder(URI.create(url + "/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the framework floor did not answer within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
