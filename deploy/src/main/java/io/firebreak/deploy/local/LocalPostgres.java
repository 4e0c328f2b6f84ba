package io.firebreak.deploy.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A real PostgreSQL from zonky's binaries, its data kept under {@code .firebreak/postgres}. As root the binaries
 * drop to {@code nobody}, so the directory is made writable for it.
 */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
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
        return new LocalPostgres(postgres);
    }

    private static void openForNobody(Path directory) {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException | UnsupportedOperationException e) {
            // not POSIX or not ours to change: zonky reports if it cannot write
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
