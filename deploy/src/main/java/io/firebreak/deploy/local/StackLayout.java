package io.firebreak.deploy.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its state and which ports it uses. Everything lives under {@code .firebreak/} at
 * the repository root, so a second start finds the incidents of the first. Ports can be overridden with
 * environment variables.
 */
record StackLayout(Path root, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort,
        List<Service> services, Map<String, String> external) {

    static final String DEV_TOKEN = "firebreak-dev-token";

    /** One of Firebreak's services: its module (and jar) name and HTTP port. */
    record Service(String module, int port) {
    }

    static StackLayout from(Path root, Map<String, String> env) {
        String home = env.get("FIREBREAK_HOME");
        return new StackLayout(root, home == null || home.isBlank() ? root.resolve(".firebreak") : Path.of(home),
                port(env, "FIREBREAK_POSTGRES_PORT", 5433), port(env, "FIREBREAK_KAFKA_PORT", 9092),
                port(env, "FIREBREAK_KAFKA_CONTROLLER_PORT", 9093),
                List.of(new Service("incident-command", port(env, "FIREBREAK_COMMAND_PORT", 8080)),
                        new Service("notification-service", port(env, "FIREBREAK_NOTIFICATION_PORT", 8081)),
                        new Service("statuspage-service", port(env, "FIREBREAK_STATUSPAGE_PORT", 8082)),
                        new Service("debrief-service", port(env, "FIREBREAK_DEBRIEF_PORT", 8083))),
                external(env));
    }

    /** Existing infrastructure to use instead of starting it (FIREBREAK_EXTERNAL_JDBC_URL, _DB_USER, _DB_PASSWORD, _KAFKA). */
    private static Map<String, String> external(Map<String, String> env) {
        Map<String, String> external = new java.util.HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("FIREBREAK_EXTERNAL_") && value != null && !value.isBlank()) {
                external.put(name.substring("FIREBREAK_EXTERNAL_".length()), value);
            }
        });
        return Map.copyOf(external);
    }

    boolean externalDatabase() {
        return external.containsKey("JDBC_URL");
    }

    boolean externalKafka() {
        return external.containsKey("KAFKA");
    }

    String dbUser() {
        return external.getOrDefault("DB_USER", "postgres");
    }

    String dbPassword() {
        return external.getOrDefault("DB_PASSWORD", "postgres");
    }

    Path logs() {
        return home.resolve("logs");
    }

    String jdbcUrl() {
        return external.getOrDefault("JDBC_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres");
    }

    String kafkaBootstrap() {
        return external.getOrDefault("KAFKA", "127.0.0.1:" + kafkaPort);
    }

    int portOf(String module) {
        return services.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow().port();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
