package io.firebreak.deploy.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./firebreak-local}: real PostgreSQL, a real Kafka broker and the four services as separate JVMs, with
 * progress while starting, a banner when everything is healthy, and a clean stop on Ctrl-C (or SIGTERM from
 * {@code --stop}). {@code --demo} declares a sample customer-impacting incident.
 */
public final class LocalStack {

    private final StackLayout layout;
    private final PrintStream out;
    private final java.util.Map<String, String> env;
    private final List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Map<String, Duration> readyAfter = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalStack(StackLayout layout, PrintStream out, java.util.Map<String, String> env) {
        this.layout = layout;
        this.out = out;
        this.env = env;
    }

    /** A stack for programmatic use (the end-to-end suite): {@code env} sets ports, FIREBREAK_HOME and service settings. */
    public static LocalStack create(Path root, java.util.Map<String, String> env, PrintStream out) {
        return new LocalStack(StackLayout.from(root, env), out, env);
    }

    /** Kills one service with SIGKILL, as a crash would. */
    public void kill(String module) throws InterruptedException {
        serviceProcess(module).kill();
    }

    /** Starts a service again (after {@link #kill}) and waits until it is healthy. */
    public void restart(String module) throws Exception {
        ServiceProcess old = serviceProcess(module);
        running.remove(old);
        ServiceProcess fresh = ServiceProcess.start(layout, old.service(), env);
        running.add(fresh);
        fresh.awaitHealthy(Duration.ofSeconds(180));
    }

    /** How long each service took from launch to healthy (launched together, so an upper bound each). */
    public java.util.Map<String, Duration> readyAfter() {
        return java.util.Map.copyOf(readyAfter);
    }

    /** Process ids of the Kafka broker and every service. */
    public java.util.Map<String, Long> pids() {
        java.util.Map<String, Long> pids = new java.util.LinkedHashMap<>();
        synchronized (running) {
            for (AutoCloseable part : running) {
                if (part instanceof ServiceProcess service) {
                    pids.put(service.module(), service.pid());
                } else if (part instanceof LocalKafka kafka) {
                    pids.put("kafka", kafka.pid());
                }
            }
        }
        return pids;
    }

    public String jdbcUrl() {
        return layout.jdbcUrl();
    }

    public String kafkaBootstrap() {
        return layout.kafkaBootstrap();
    }

    public int port(String module) {
        return layout.portOf(module);
    }

    private ServiceProcess serviceProcess(String module) {
        synchronized (running) {
            return running.stream().filter(ServiceProcess.class::isInstance).map(ServiceProcess.class::cast)
                    .filter(p -> p.module().equals(module)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No running " + module));
        }
    }

    public static void main(String[] args) throws Exception {
        boolean demo = List.of(args).contains("--demo");
        Path root = Path.of(System.getProperty("firebreak.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = create(root, System.getenv(), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "firebreak-local-stop"));
        try {
            stack.start(demo);
        } catch (Exception e) {
            System.err.println("Firebreak did not start: " + e.getMessage());
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    public void start(boolean demo) throws Exception {
        Files.createDirectories(layout.logs());
        Files.deleteIfExists(layout.home().resolve("ready"));
        Progress progress = new Progress(out);
        if (layout.externalDatabase()) {
            progress.step("Using PostgreSQL at " + layout.jdbcUrl());
        } else {
            progress.step("Starting PostgreSQL on 127.0.0.1:" + layout.postgresPort() + " (data in "
                    + shown(layout.home().resolve("postgres")) + ")");
            running.add(LocalPostgres.start(layout));
        }
        if (layout.externalKafka()) {
            progress.step("Using Kafka at " + layout.kafkaBootstrap());
        } else {
            progress.step("Starting Kafka (KRaft) on " + layout.kafkaBootstrap() + " (data in "
                    + shown(layout.home().resolve("kafka")) + ")");
            running.add(LocalKafka.start(layout, brokerClasspath()));
        }
        List<ServiceProcess> services = new ArrayList<>();
        for (StackLayout.Service service : layout.services()) {
            progress.step("Starting " + service.module() + " on port " + service.port());
            ServiceProcess process = ServiceProcess.start(layout, service, env);
            running.add(process);
            services.add(process);
        }
        Duration launched = progress.elapsed();
        for (ServiceProcess service : services) {
            service.awaitHealthy(Duration.ofSeconds(180));
            readyAfter.put(service.module(), progress.elapsed().minus(launched));
            progress.step(service.module() + " is healthy");
        }
        if (demo) {
            progress.step("Declaring a demo incident");
            declareDemoIncident();
        }
        String banner = banner(progress.elapsed());
        Files.writeString(layout.home().resolve("banner.txt"), banner);
        Files.writeString(layout.home().resolve("ready"), Long.toString(ProcessHandle.current().pid()));
        out.println(banner);
        out.flush();
    }

    public void stop() {
        List<AutoCloseable> reversed = new ArrayList<>(running);
        Collections.reverse(reversed);
        if (!reversed.isEmpty()) {
            out.println("Stopping Firebreak...");
        }
        reversed.stream().filter(ServiceProcess.class::isInstance).map(ServiceProcess.class::cast)
                .forEach(ServiceProcess::requestStop);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                out.println("  could not stop cleanly: " + e.getMessage());
            }
        }
        running.clear();
        try {
            Files.deleteIfExists(layout.home().resolve("ready"));
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private String shown(Path path) {
        return path.startsWith(layout.root()) ? layout.root().relativize(path).toString() : path.toString();
    }

    private String brokerClasspath() {
        Path lib = layout.root().resolve("deploy").resolve("target").resolve("lib");
        return lib + java.io.File.separator + "*";
    }

    private void declareDemoIncident() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + layout.portOf("incident-command") + "/api/v1/incidents";
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + StackLayout.DEV_TOKEN).header("Content-Type", "application/json")
                .header("Idempotency-Key", "firebreak-local-demo")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "Card payments failing at checkout (demo)", "severity": "SEV1",
                         "summary": "A sample incident declared by ./firebreak-local --demo",
                         "customerImpact": true, "affectedServices": ["checkout"],
                         "incidentLead": {"id": "demo-lead", "name": "Demo Lead"}}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (declared.statusCode() != 201) {
            out.println("  demo incident not declared: HTTP " + declared.statusCode() + " " + declared.body());
            return;
        }
        String id = declared.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        if (declared.headers().firstValue("Idempotent-Replayed").orElse("false").equals("true")) {
            return;
        }
        http.send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/updates"))
                .header("Authorization", "Bearer " + StackLayout.DEV_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"audience": "CUSTOMER", "whatIsHappening": "Some card payments are declined at checkout.",
                         "whoIsAffected": "Customers paying by card", "whatWeAreDoing": "Rolling back the last release",
                         "nextUpdateInMinutes": 30}""")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String banner(Duration took) {
        int api = layout.portOf("incident-command");
        return String.join("\n",
                "",
                "Firebreak is running (started in " + took.toSeconds() + " s).",
                "  API             http://127.0.0.1:" + api + "/api/v1/incidents",
                "  Token           " + StackLayout.DEV_TOKEN + "   (every scope, on all four services; acts as Local developer)",
                "  OpenAPI         http://127.0.0.1:" + api + "/v3/api-docs",
                "  Status page     http://127.0.0.1:" + layout.portOf("statuspage-service") + "/",
                "  Debriefs        http://127.0.0.1:" + layout.portOf("debrief-service") + "/api/v1/debriefs",
                "  Notifications   http://127.0.0.1:" + layout.portOf("notification-service") + "/actuator/health",
                "  Kafka           " + layout.kafkaBootstrap() + "    PostgreSQL 127.0.0.1:" + layout.postgresPort()
                        + " (user postgres; data in .firebreak/)",
                "  Logs            .firebreak/logs/",
                "",
                "Try it:",
                "  export FIREBREAK_URL=http://127.0.0.1:" + api + " FIREBREAK_TOKEN=" + StackLayout.DEV_TOKEN,
                "  ./firebreak incident open --sev 1 --summary \"Checkout is down\" --customer-impact --service checkout",
                "  curl -s -H \"Authorization: Bearer " + StackLayout.DEV_TOKEN + "\" http://127.0.0.1:" + api
                        + "/api/v1/incidents?open=true",
                "",
                "Slack and PagerDuty are not configured: nothing leaves this machine. Messages and pages are recorded:",
                "  curl -s -H \"Authorization: Bearer " + StackLayout.DEV_TOKEN + "\" http://127.0.0.1:"
                        + layout.portOf("notification-service") + "/api/v1/incidents/<id>/notifications   (and /escalation)",
                "Ctrl-C stops everything (or ./firebreak-local --stop when started with --detach).",
                "");
    }
}
