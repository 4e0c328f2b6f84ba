package io.firebreak.deploy.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its state and which ports it uses. Everything lives under {@code .firebreak/} at
 * the repository root, so a second start finds the incidents of the first. Ports can be overridden with
 * environment variables. {@code FIREBREAK_INSTANCES=n} runs n instances of every service (default 1): instance k
 * listens on the service's port + 10·(k−1) and shares the database schema and the consumer group with the others.
 */
record StackLayout(Path root, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort,
        List<Service> services, Map<String, String> external) {

    static final String DEV_TOKEN = "firebreak-dev-token";

    /** Ports between one instance of a service and the next. */
    static final int INSTANCE_PORT_STEP = 10;

    /**
     * One running instance of a Firebreak service: its module (and jar) name, its number (1 for the first) and HTTP
     * port.
     */
    record Service(String module, int instance, int port) {

        Service(String module, int port) {
            this(module, 1, port);
        }

        /** The supervised component's name: the module for the first instance, {@code <module>-<n>} for the others. */
        String name() {
            return instance == 1 ? module : module + "-" + instance;
        }
    }

    static StackLayout from(Path root, Map<String, String> env) {
        String home = env.get("FIREBREAK_HOME");
        return new StackLayout(root, home == null || home.isBlank() ? root.resolve(".firebreak") : Path.of(home),
                port(env, "FIREBREAK_POSTGRES_PORT", 5433), port(env, "FIREBREAK_KAFKA_PORT", 9092),
                port(env, "FIREBREAK_KAFKA_CONTROLLER_PORT", 9093),
                services(List.of(new Service("incident-command", port(env, "FIREBREAK_COMMAND_PORT", 8080)),
                        new Service("notification-service", port(env, "FIREBREAK_NOTIFICATION_PORT", 8081)),
                        new Service("statuspage-service", port(env, "FIREBREAK_STATUSPAGE_PORT", 8082)),
                        new Service("debrief-service", port(env, "FIREBREAK_DEBRIEF_PORT", 8083))),
                        port(env, "FIREBREAK_INSTANCES", 1)),
                external(env));
    }

    /** Every instance of every service: all first instances, then all second ones, and so on. */
    private static List<Service> services(List<Service> first, int instances) {
        if (instances < 1 || instances > 9) {
            throw new IllegalArgumentException("FIREBREAK_INSTANCES must be between 1 and 9, not " + instances);
        }
        List<Service> all = new java.util.ArrayList<>();
        for (int instance = 1; instance <= instances; instance++) {
            for (Service service : first) {
                all.add(new Service(service.module(), instance,
                        service.port() + INSTANCE_PORT_STEP * (instance - 1)));
            }
        }
        return List.copyOf(all);
    }

    /** How many instances of each service run. */
    int instances() {
        return services.stream().mapToInt(Service::instance).max().orElse(1);
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

    /** The first instance's port. */
    int portOf(String module) {
        return portOf(module, 1);
    }

    int portOf(String module, int instance) {
        return services.stream().filter(s -> s.module().equals(module) && s.instance() == instance).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No instance " + instance + " of " + module))
                .port();
    }

    /** The API base URL of a module's first instance, as the other processes reach it. */
    String urlOf(String module) {
        return "http://127.0.0.1:" + portOf(module);
    }

    /** The responder console as the first incident-command instance serves it. */
    String consoleUrl() {
        return urlOf("incident-command") + "/console/";
    }

    /**
     * What every service is told about the responder console (incident-command's {@code /console/}): the other
     * services accept the browser origins of every incident-command instance (localhost and 127.0.0.1 alike), and
     * the console finds their APIs at the ports assigned here.
     */
    Map<String, String> consoleEnv() {
        String origins = services.stream().filter(s -> s.module().equals("incident-command"))
                .flatMap(s -> java.util.stream.Stream.of("http://localhost:" + s.port(), "http://127.0.0.1:" + s.port()))
                .collect(java.util.stream.Collectors.joining(","));
        return Map.of("FIREBREAK_CORS_ORIGINS", origins,
                "FIREBREAK_CONSOLE_NOTIFICATION_URL", urlOf("notification-service"),
                "FIREBREAK_CONSOLE_STATUSPAGE_URL", urlOf("statuspage-service"),
                "FIREBREAK_CONSOLE_DEBRIEF_URL", urlOf("debrief-service"));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
