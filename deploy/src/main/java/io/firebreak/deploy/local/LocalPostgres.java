package io.firebreak.deploy.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A real PostgreSQL from zonky's binaries, its data kept under {@code .firebreak/postgres}. As root the binaries
 * drop to {@code nobody}, so the directory is made writable for it. zonky starts the server through
 * {@code pg_ctl}, so the postmaster is found (for supervision) through {@code postmaster.pid}.
 */
final class LocalPostgres implements SupervisedProcess, AutoCloseable {

    static final String NAME = "postgres";

    private final EmbeddedPostgres postgres;
    private final ProcessHandle postmaster;
    private final StackLayout layout;

    private LocalPostgres(EmbeddedPostgres postgres, ProcessHandle postmaster, StackLayout layout) {
        this.postgres = postgres;
        this.postmaster = postmaster;
        this.layout = layout;
    }

    static LocalPostgres start(StackLayout layout) throws IOException {
        Path data = layout.home().resolve("postgres");
        Files.createDirectories(layout.home());
        openForNobody(layout.home());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(layout.postgresPort())
                // zonky tunes for throwaway test databases (fsync off); the local stack keeps what it accepts
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL's postmaster " + pid + " is not running"));
        return new LocalPostgres(postgres, postmaster, layout);
    }

    private static void openForNobody(Path directory) {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException | UnsupportedOperationException e) {
            // not POSIX or not ours to change: zonky reports if it cannot write
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long pid() {
        return postmaster.pid();
    }

    @Override
    public boolean isAlive() {
        return postmaster.isAlive();
    }

    /** Not our child (pg_ctl started it), so the exit code is unknown: -1. */
    @Override
    public CompletableFuture<Integer> exited() {
        return postmaster.onExit().thenApply(handle -> {
            // release zonky's lock on the data directory, so a restart can take it
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                // the server is gone already; pg_ctl stop has nothing to stop
            }
            return -1;
        });
    }

    @Override
    public void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection connection = DriverManager.getConnection(layout.jdbcUrl(), layout.dbUser(),
                    layout.dbPassword())) {
                return;
            } catch (SQLException e) {
                if (!postmaster.isAlive() || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public void kill() {
        postmaster.destroyForcibly();
        postmaster.onExit().join();
    }

    @Override
    public void requestStop() {
        // stopped last, after everything that uses it
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
