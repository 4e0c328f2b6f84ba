package io.firebreak.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a service launch uses, records, adopts or drops a class-data archive. The JVM's side (that it writes the
 * archive at a SIGTERM exit, maps it, and ignores a mismatched one) was checked by hand; see deploy/README.md.
 */
class ServiceImageTest {

    @TempDir
    Path target;

    @Test
    void firstLaunchRecordsAnArchiveThatTheNextLaunchUses() throws Exception {
        Path jar = extractedBootJar();

        ServiceImage first = ServiceImage.of(jar, ServiceImage.Mode.RECORD, true);
        assertThat(first.jar()).isEqualTo(ServiceImage.extractionOf(jar));
        assertThat(first.records()).isTrue();
        writeRecording(first);
        first.exited(143);

        ServiceImage next = ServiceImage.of(jar, ServiceImage.Mode.RECORD, true);
        assertThat(next.records()).isFalse();
        assertThat(next.jvmFlags()).containsExactly("-XX:SharedArchiveFile="
                + ServiceImage.extractionOf(jar).resolveSibling(ServiceImage.ARCHIVE));
    }

    @Test
    void aRecordingCutShortByACrashIsDropped() throws Exception {
        Path jar = extractedBootJar();
        ServiceImage image = ServiceImage.of(jar, ServiceImage.Mode.RECORD, true);
        Path recording = writeRecording(image);

        image.exited(137);

        assertThat(recording).doesNotExist();
        assertThat(ServiceImage.extractionOf(jar).resolveSibling(ServiceImage.ARCHIVE)).doesNotExist();
        assertThat(ServiceImage.of(jar, ServiceImage.Mode.RECORD, true).records()).isTrue();
    }

    @Test
    void aJvmWithAFlightRecordingOrAnAgentNeitherUsesNorRecordsTheArchive() throws Exception {
        Path jar = extractedBootJar();
        ServiceImage first = ServiceImage.of(jar, ServiceImage.Mode.RECORD, true);
        writeRecording(first);
        first.exited(143);

        for (String hook : List.of("-XX:StartFlightRecording=filename=x.jfr", "-javaagent:otel.jar")) {
            ServiceImage hooked = ServiceImage.of(jar, ServiceImage.Mode.RECORD, true, List.of("-Xmx1g", hook));
            assertThat(hooked.jvmFlags()).isEmpty();
            assertThat(hooked.records()).isFalse();
            assertThat(hooked.jar()).isEqualTo(ServiceImage.extractionOf(jar));
        }
        assertThat(ServiceImage.of(jar, ServiceImage.Mode.RECORD, true, List.of("-Xmx1g")).jvmFlags())
                .containsExactly("-XX:SharedArchiveFile=" + ServiceImage.extractionOf(jar).resolveSibling(
                        ServiceImage.ARCHIVE));
    }

    @Test
    void onlyTheFirstInstanceRecordsAndTheProgrammaticStacksNever() throws Exception {
        Path jar = extractedBootJar();

        assertThat(ServiceImage.of(jar, ServiceImage.Mode.RECORD, false).jvmFlags()).isEmpty();
        assertThat(ServiceImage.of(jar, ServiceImage.Mode.USE, true).jvmFlags()).isEmpty();
        assertThat(ServiceImage.of(jar, ServiceImage.Mode.USE, true).jar()).isEqualTo(ServiceImage.extractionOf(jar));
    }

    @Test
    void aRebuiltJarNeverRunsWithTheArchiveOfTheOldOne() throws Exception {
        Path jar = extractedBootJar();
        ServiceImage old = ServiceImage.of(jar, ServiceImage.Mode.RECORD, true);
        writeRecording(old);
        old.exited(0);

        // rebuilt: another modification time; this jar is no Boot jar, so its extraction fails
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-26T12:00:00Z")));
        ServiceImage rebuilt = ServiceImage.of(jar, ServiceImage.Mode.RECORD, true);

        assertThat(rebuilt.jar()).isEqualTo(jar);
        assertThat(rebuilt.jvmFlags()).isEmpty();
    }

    @Test
    void offRunsTheJarAsBuilt() throws Exception {
        Path jar = extractedBootJar();

        ServiceImage image = ServiceImage.of(jar, ServiceImage.Mode.OFF, true);

        assertThat(image.jar()).isEqualTo(jar);
        assertThat(image.jvmFlags()).isEmpty();
    }

    @Test
    void readsTheModeFromTheEnvironment() {
        assertThat(ServiceImage.Mode.from(Map.of(), ServiceImage.Mode.USE)).isEqualTo(ServiceImage.Mode.USE);
        assertThat(ServiceImage.Mode.from(Map.of("FIREBREAK_CLASS_ARCHIVE", " Off "), ServiceImage.Mode.RECORD))
                .isEqualTo(ServiceImage.Mode.OFF);
        assertThatThrownBy(() -> ServiceImage.Mode.from(Map.of("FIREBREAK_CLASS_ARCHIVE", "always"),
                ServiceImage.Mode.USE)).hasMessageContaining("record, use or off");
    }

    /** A jar as the build leaves it, already extracted for this build (so no extraction runs). */
    private Path extractedBootJar() throws Exception {
        Path jar = Files.write(target.resolve("incident-command-0.1.0-SNAPSHOT.jar"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-26T10:00:00Z")));
        Path extracted = ServiceImage.extractionOf(jar);
        Files.createDirectories(extracted.getParent());
        Files.write(extracted, new byte[] {4});
        return jar;
    }

    /** What the JVM writes at exit to the file named by -XX:ArchiveClassesAtExit. */
    private static Path writeRecording(ServiceImage image) throws Exception {
        String flag = image.jvmFlags().stream().filter(f -> f.startsWith("-XX:ArchiveClassesAtExit=")).findFirst()
                .orElseThrow();
        return Files.write(Path.of(flag.substring(flag.indexOf('=') + 1)), new byte[] {5, 6});
    }
}
