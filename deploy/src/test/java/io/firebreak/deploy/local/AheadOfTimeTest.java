package io.firebreak.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a service starts from the bean definitions its build generated, and when it works them out at start-up. */
class AheadOfTimeTest {

    @TempDir
    Path dir;

    @Test
    void aProcessedJarStartsWithAot() throws Exception {
        Path jar = jarWith("BOOT-INF/classes/io/firebreak/x/XApplication__ApplicationContextInitializer.class");

        assertThat(AheadOfTime.jvmFlags(jar, Map.of("FIREBREAK_DB_URL", "jdbc:postgresql://db/firebreak")))
                .containsExactly(AheadOfTime.ENABLED);
    }

    @Test
    void aJarBuiltWithoutTheGeneratedCodeStartsWithout() throws Exception {
        Path jar = jarWith("BOOT-INF/classes/io/firebreak/x/XApplication.class");

        assertThat(AheadOfTime.jvmFlags(jar, Map.of())).isEmpty();
        assertThat(AheadOfTime.jvmFlags(dir.resolve("missing.jar"), Map.of())).isEmpty();
    }

    @Test
    void aSpringOrManagementVariableCouldAddBeansSoItTurnsAotOff() throws Exception {
        Path jar = jarWith("io/firebreak/x/XApplication__ApplicationContextInitializer.class");

        assertThat(AheadOfTime.jvmFlags(jar, Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                "http://collector:4318/v1/traces"))).isEmpty();
        assertThat(AheadOfTime.jvmFlags(jar, Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL"))).isEmpty();
    }

    @Test
    void theOperatorCanTurnItOffAndAnythingElseIsRefused() throws Exception {
        Path jar = jarWith("io/firebreak/x/XApplication__ApplicationContextInitializer.class");

        assertThat(AheadOfTime.jvmFlags(jar, Map.of(AheadOfTime.VARIABLE, "off"))).isEmpty();
        assertThat(AheadOfTime.jvmFlags(jar, Map.of(AheadOfTime.VARIABLE, "ON"))).containsExactly(AheadOfTime.ENABLED);
        assertThatThrownBy(() -> AheadOfTime.jvmFlags(jar, Map.of(AheadOfTime.VARIABLE, "yes")))
                .hasMessageContaining("FIREBREAK_AOT must be on or off");
    }

    private Path jarWith(String entry) throws Exception {
        Path jar = Files.createTempFile(dir, "service", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry(entry));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
        }
        return jar;
    }
}
