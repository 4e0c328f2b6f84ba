package io.firebreak.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The Kubernetes overlay renders (kubectl's built-in kustomize, offline) and compose and Dockerfiles are in place. */
class ProductionManifestsTest {

    static final List<String> SERVICES = List.of("incident-command", "notification-service", "statuspage-service",
            "debrief-service");

    @Test
    void prodOverlayRendersEveryServiceWithProbesResourcesAndBudgets() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed (.ci/run installs it)");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", "k8s/overlays/prod").redirectErrorStream(false)
                .start();
        String rendered = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(new String(kubectl.getErrorStream().readAllBytes())).isZero();

        for (String service : SERVICES) {
            assertThat(rendered).contains("name: " + service + "\n  namespace: firebreak");
            assertThat(rendered).contains("image: registry.example.com/firebreak/" + service + ":0.1.0");
        }
        assertThat(count(rendered, "kind: Deployment")).isEqualTo(4);
        assertThat(count(rendered, "kind: PodDisruptionBudget")).isEqualTo(4);
        assertThat(count(rendered, "kind: Service\n")).isEqualTo(4);
        assertThat(count(rendered, "path: /actuator/health/readiness")).isEqualTo(4);
        assertThat(count(rendered, "path: /actuator/health/liveness")).isEqualTo(4);
        assertThat(rendered).contains("kind: Kafka\n").contains("kind: KafkaTopic").contains("name: firebreak.incident-events")
                .contains("name: firebreak-secrets").contains("runAsNonRoot: true");
    }

    @Test
    void composeRunsAThreeBrokerClusterPostgresAndEveryService() throws IOException {
        String compose = Files.readString(Path.of("compose", "compose.yaml"));
        assertThat(compose).contains("kafka-1:", "kafka-2:", "kafka-3:", "image: apache/kafka:", "image: postgres:17",
                "KAFKA_PROCESS_ROLES: broker,controller");
        for (String service : SERVICES) {
            assertThat(compose).contains("  " + service + ":\n");
            String dockerfile = Files.readString(Path.of("..", service, "Dockerfile"));
            assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre").contains("USER 10001").contains("HEALTHCHECK");
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
