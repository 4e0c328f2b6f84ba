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
 * {@code --stop}). Once up, every component it started is supervised: one that exits is restarted with back-off
 * ({@link Supervisor}). {@code --demo} declares a sample customer-impacting incident.
 */
public final class LocalStack {

    private final StackLayout layout;
    private final PrintStream out;
    private final java.util.Map<String, String> env;
    private final Progress progress;
    private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(daemon("firebreak-supervisor-timer"));
    private final java.util.concurrent.ExecutorService restarts = java.util.concurrent.Executors
            .newCachedThreadPool(daemon("firebreak-supervisor"));
    private final Supervisor supervisor;
    private final java.time.Clock clock = java.time.Clock.systemUTC();
    private final java.util.Map<String, Duration> readyAfter = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile LocalMail mail;
    private final java.util.Map<String, SupervisedProcess.Launcher> launchers =
            new java.util.concurrent.ConcurrentHashMap<>();

    private LocalStack(StackLayout layout, PrintStream out, java.util.Map<String, String> env) {
        this.layout = layout;
        this.out = out;
        this.env = new java.util.HashMap<>(env);
        this.progress = new Progress(out);
        this.supervisor = new Supervisor(clock,
                (delay, task) -> timer.schedule(task, delay.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS),
                restarts, this::supervisorEvent, this::writePids);
    }

    /** A stack for programmatic use (the end-to-end suite): {@code env} sets ports, FIREBREAK_HOME and service settings. */
    public static LocalStack create(Path root, java.util.Map<String, String> env, PrintStream out) {
        return new LocalStack(StackLayout.from(root, env), out, env);
    }

    /**
     * Kills one component with SIGKILL, as a crash would: a service module, {@code kafka} or {@code postgres}. The
     * supervisor restarts it.
     */
    public void kill(String component) throws InterruptedException {
        supervisor.current(component).kill();
    }

    /** Waits until the supervisor has brought a killed component back and it is healthy again. */
    public void restart(String component) throws Exception {
        awaitRunning(component, Duration.ofSeconds(180));
    }

    /** Waits until the component's current process is alive and healthy (after a restart, the new one). */
    public void awaitRunning(String component, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SupervisedProcess current = supervisor.current(component);
            if (current.isAlive()) {
                try {
                    current.awaitHealthy(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                    return;
                } catch (Exception e) {
                    // exited while we waited: the supervisor starts another one
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(component + " was not running and healthy within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Stops one component gracefully (SIGTERM; SIGKILL after 30 s), as a rolling restart or a scale-in would, and
     * keeps the supervisor from restarting it: e.g. {@code incident-command-2}, the second instance.
     */
    public void stopGracefully(String component) throws Exception {
        SupervisedProcess process = supervisor.release(component);
        process.close();
        writePids();
        progress.step(component + " stopped");
    }

    /**
     * Changes a setting for the services launched from now on (e.g. Slack turned on for a benchmark step, then
     * {@link #stopGracefully} and {@link #startAgain} the service); running services keep theirs.
     */
    public void setting(String name, String value) {
        env.put(name, value);
    }

    /** Whether the module's current build has a class-data archive (recorded by a graceful stop, see ServiceImage). */
    public boolean classArchiveRecorded(String module) {
        try {
            return ServiceImage.archiveRecorded(ServiceProcess.jarOf(layout.root(), module));
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts a component stopped with {@link #stopGracefully} again, waits until it is healthy and supervises it. */
    public void startAgain(String component) throws Exception {
        SupervisedProcess.Launcher launcher = launchers.get(component);
        if (launcher == null) {
            throw new IllegalArgumentException("No component " + component);
        }
        SupervisedProcess process = launcher.launch();
        try {
            process.awaitHealthy(Supervisor.HEALTHY_WITHIN);
        } catch (Exception e) {
            process.close();
            throw e;
        }
        supervise(process, launcher);
        progress.step(component + " is healthy again");
    }

    /** How often the supervisor restarted a component. */
    public int restarts(String component) {
        return supervisor.restarts(component);
    }

    /** How long each service took from launch to healthy (launched together, so an upper bound each). */
    public java.util.Map<String, Duration> readyAfter() {
        return java.util.Map.copyOf(readyAfter);
    }

    /** Process ids of PostgreSQL, the Kafka broker and every service, as they are now (after restarts, the new ones). */
    public java.util.Map<String, Long> pids() {
        return supervisor.pids();
    }

    public String jdbcUrl() {
        return layout.jdbcUrl();
    }

    /** The JVM flags every service of the stack runs with (the benchmark starts its framework floor with them). */
    public static java.util.List<String> serviceJvmFlags() {
        return ServiceProcess.JVM_FLAGS;
    }

    /** The built jar of {@code module} (a path under the repository, e.g. deploy/framework-floor). */
    public static Path jarOf(Path root, String module) throws java.io.IOException {
        return ServiceProcess.jarOf(root, module);
    }

    public String kafkaBootstrap() {
        return layout.kafkaBootstrap();
    }

    /** The first instance's port. */
    public int port(String module) {
        return layout.portOf(module);
    }

    /** The port of one instance of a service (1 for the first). */
    public int port(String module, int instance) {
        return layout.portOf(module, instance);
    }

    /** How many instances of every service run ({@code FIREBREAK_INSTANCES}, default 1). */
    public int instances() {
        return layout.instances();
    }

    /** The supervised component name of one instance of a service: the module, or {@code <module>-<n>} from the second on. */
    public String component(String module, int instance) {
        return new StackLayout.Service(module, instance, 0).name();
    }

    /** The local mail server, when the stack started one (no {@code FIREBREAK_SMTP_HOST} of its own). */
    public java.util.Optional<LocalMail> mail() {
        return java.util.Optional.ofNullable(mail);
    }

    public static void main(String[] args) throws Exception {
        boolean demo = List.of(args).contains("--demo");
        Path root = Path.of(System.getProperty("firebreak.root", ".")).toAbsolutePath().normalize();
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        if (demo) {
            // the demo shows routing by service and severity: two teams, three services, a schedule with an override
            env.putIfAbsent("FIREBREAK_ONCALL_FILE", "classpath:oncall/sample-org.yml");
        }
        // the one-command stack records the services' class-data archives on its first stop (ServiceImage)
        env.putIfAbsent(ServiceImage.Mode.VARIABLE, ServiceImage.Mode.RECORD.name().toLowerCase(java.util.Locale.ROOT));
        LocalStack stack = create(root, env, System.out);
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
        List<Thread> extractions = extractServiceJars();
        if (layout.externalDatabase()) {
            progress.step("Using PostgreSQL at " + layout.jdbcUrl());
        } else {
            progress.step("Starting PostgreSQL on 127.0.0.1:" + layout.postgresPort() + " (data in "
                    + shown(layout.home().resolve("postgres")) + ")");
            supervise(LocalPostgres.start(layout), () -> LocalPostgres.start(layout));
        }
        if (layout.externalKafka()) {
            progress.step("Using Kafka at " + layout.kafkaBootstrap());
        } else {
            progress.step("Starting Kafka (KRaft) on " + layout.kafkaBootstrap() + " (data in "
                    + shown(layout.home().resolve("kafka")) + ")");
            supervise(LocalKafka.start(layout, brokerClasspath()), () -> LocalKafka.launch(layout, brokerClasspath()));
        }
        if (env.getOrDefault("FIREBREAK_SMTP_HOST", "").isBlank()) {
            int smtp = LocalMail.smtpPort(env);
            mail = LocalMail.start(layout.home(), smtp, LocalMail.imapPort(env));
            env.put("FIREBREAK_SMTP_HOST", "127.0.0.1");
            env.put("FIREBREAK_SMTP_PORT", Integer.toString(smtp));
            progress.step("Starting the mail server (SMTP 127.0.0.1:" + smtp + "; every message also in "
                    + shown(mail.folder()) + ")");
        }
        for (Thread extraction : extractions) {
            extraction.join();
        }
        List<ServiceProcess> services = new ArrayList<>();
        // every instance is launched at once, as replicas are on a cluster: with FIREBREAK_INSTANCES > 1 the
        // instances of one service migrate its schema and create its topics concurrently
        for (StackLayout.Service service : layout.services()) {
            progress.step("Starting " + service.name() + " on port " + service.port());
            services.add(ServiceProcess.start(layout, service, env));
        }
        Duration launched = progress.elapsed();
        try {
            for (ServiceProcess service : services) {
                service.awaitHealthy(Duration.ofSeconds(180));
                readyAfter.put(service.name(), progress.elapsed().minus(launched));
                progress.step(service.name() + " is healthy");
                SupervisedProcess.Launcher launcher = () -> ServiceProcess.start(layout, service.service(), env);
                launchers.put(service.name(), launcher);
                supervise(service, launcher);
            }
        } catch (Exception e) {
            services.forEach(ServiceProcess::requestStop);
            throw e;
        }
        progress.step("Supervising " + String.join(", ", supervisor.pids().keySet())
                + ": a component that exits is restarted (log in " + shown(supervisorLog()) + ")");
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

    /**
     * Extracts every service's jar (once per built jar, see {@link ServiceImage}) in parallel while PostgreSQL and
     * Kafka start.
     */
    private List<Thread> extractServiceJars() {
        List<Thread> threads = new ArrayList<>();
        if (ServiceImage.Mode.from(env, ServiceImage.Mode.USE) == ServiceImage.Mode.OFF) {
            return threads;
        }
        layout.services().stream().map(StackLayout.Service::module).distinct().forEach(module -> {
            Thread thread = daemon("firebreak-extract-" + module).newThread(() -> {
                try {
                    ServiceImage.prepare(ServiceProcess.jarOf(layout.root(), module));
                } catch (IOException e) {
                    // no jar: the launch reports it
                }
            });
            thread.start();
            threads.add(thread);
        });
        return threads;
    }

    private void supervise(SupervisedProcess running, SupervisedProcess.Launcher launcher) {
        supervisor.supervise(running, launcher, RestartBackOff.standard(clock));
    }

    /** Every restart step: on the progress output and, as a structured line, in logs/supervisor.log. */
    private void supervisorEvent(String line) {
        progress.step(line);
        try {
            Files.writeString(supervisorLog(), java.time.Instant.now(clock) + " " + line + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            out.println("  could not write " + supervisorLog() + ": " + e.getMessage());
        }
    }

    private Path supervisorLog() {
        return layout.logs().resolve("supervisor.log");
    }

    /**
     * {@code .firebreak/pids}: every process the launcher runs now, one {@code name pid} a line, rewritten on every
     * restart, so {@code ./firebreak-local --stop} can end restarted processes even if this launcher is gone.
     */
    private void writePids() {
        StringBuilder lines = new StringBuilder();
        supervisor.pids().forEach((name, pid) -> lines.append(name).append(' ').append(pid).append('\n'));
        try {
            Files.createDirectories(layout.home());
            Path temp = layout.home().resolve("pids.tmp");
            Files.writeString(temp, lines);
            Files.move(temp, layout.home().resolve("pids"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            out.println("  could not write the pid file: " + e.getMessage());
        }
    }

    public void stop() {
        List<SupervisedProcess> reversed = new ArrayList<>(supervisor.stop());
        Collections.reverse(reversed);
        timer.shutdownNow();
        if (!reversed.isEmpty()) {
            out.println("Stopping Firebreak...");
        }
        if (reversed.stream().anyMatch(p -> p instanceof ServiceProcess service && service.recordsArchive())) {
            out.println("  (recording the services' class-data archives for faster starts: once per build)");
        }
        reversed.forEach(SupervisedProcess::requestStop);
        for (SupervisedProcess part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                out.println("  could not stop cleanly: " + e.getMessage());
            }
        }
        // a restart that was launching when the stop began closes what it launched; wait for it
        restarts.shutdown();
        try {
            restarts.awaitTermination(90, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (mail != null) {
            mail.close();
        }
        try {
            Files.deleteIfExists(layout.home().resolve("ready"));
            Files.deleteIfExists(layout.home().resolve("pids"));
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What the banner says of Slack and paging: the settings decide, not an assumption that neither is set. */
    private String outsideWorld() {
        boolean slack = !env.getOrDefault("FIREBREAK_SLACK_BOT_TOKEN", "").isBlank();
        boolean paging = !env.getOrDefault("FIREBREAK_PAGERDUTY_ROUTING_KEY", "").isBlank()
                || !env.getOrDefault("FIREBREAK_PAGING_WEBHOOK_URL", "").isBlank();
        if (!slack && !paging) {
            return "Slack and PagerDuty are not configured: nothing leaves this machine.";
        }
        return (slack ? "Slack is configured" : "Slack is not configured") + "; pages "
                + (paging ? "go to PagerDuty or the paging webhook." : "reach no pager (no PagerDuty key or webhook).");
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

    /** With more than one instance of every service, where the others listen; otherwise nothing. */
    private String instancesLine() {
        int instances = layout.instances();
        if (instances == 1) {
            return "";
        }
        return "\n  Instances       " + instances + " of every service, each further one on the port + "
                + StackLayout.INSTANCE_PORT_STEP + " (e.g. incident-command on "
                + java.util.stream.IntStream.rangeClosed(1, instances)
                        .mapToObj(i -> Integer.toString(layout.portOf("incident-command", i)))
                        .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    private String banner(Duration took) {
        int api = layout.portOf("incident-command");
        return String.join("\n",
                "",
                "Firebreak is running (started in " + took.toSeconds() + " s).",
                "  Console         " + layout.consoleUrl() + "   (sign in with the token below)",
                "  API             http://127.0.0.1:" + api + "/api/v1/incidents",
                "  Token           " + StackLayout.DEV_TOKEN + "   (every scope, on all four services; acts as Local developer)",
                "  OpenAPI         http://127.0.0.1:" + api + "/v3/api-docs",
                "  Status page     http://127.0.0.1:" + layout.portOf("statuspage-service") + "/",
                "  Debriefs        http://127.0.0.1:" + layout.portOf("debrief-service") + "/api/v1/debriefs",
                "  Notifications   http://127.0.0.1:" + layout.portOf("notification-service") + "/actuator/health",
                "  Kafka           " + layout.kafkaBootstrap() + "    PostgreSQL 127.0.0.1:" + layout.postgresPort()
                        + " (user postgres; data in " + shown(layout.home()) + "/)",
                "  Logs            " + shown(layout.home().resolve("logs")) + "/" + instancesLine(),
                mail == null ? "  Mail            sent through " + env.get("FIREBREAK_SMTP_HOST")
                        : "  Mail            SMTP 127.0.0.1:" + LocalMail.smtpPort(env) + "; read it in "
                                + shown(layout.home().resolve("mail")) + "/*.eml or over IMAP 127.0.0.1:"
                                + LocalMail.imapPort(env) + " (user and password: the address)",
                "",
                "Try it:",
                "  export FIREBREAK_URL=http://127.0.0.1:" + api + " FIREBREAK_TOKEN=" + StackLayout.DEV_TOKEN,
                "  ./firebreak incident open --sev 1 --summary \"Checkout is down\" --customer-impact --service checkout",
                "  curl -s -H \"Authorization: Bearer " + StackLayout.DEV_TOKEN + "\" http://127.0.0.1:" + api
                        + "/api/v1/incidents?open=true",
                "",
                outsideWorld() + " Messages and pages are recorded:",
                "  curl -s -H \"Authorization: Bearer " + StackLayout.DEV_TOKEN + "\" http://127.0.0.1:"
                        + layout.portOf("notification-service") + "/api/v1/incidents/<id>/notifications   (and /escalation)",
                "Ctrl-C stops everything (or ./firebreak-local --stop when started with --detach).",
                "");
    }
}
