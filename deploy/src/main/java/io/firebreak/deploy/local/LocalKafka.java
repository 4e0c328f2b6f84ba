package io.firebreak.deploy.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft broker (broker and controller in one) in its own JVM, from the Kafka jars in
 * {@code deploy/target/lib}, its log under {@code .firebreak/kafka}. Formatted once; later starts reuse it.
 */
final class LocalKafka implements SupervisedProcess, AutoCloseable {

    static final String NAME = "kafka";

    private final Process process;
    private final int port;
    private final Path log;

    private LocalKafka(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the broker's JVM (formatting its storage the first time) without waiting for it. */
    static LocalKafka launch(StackLayout layout, String classpath) throws IOException, InterruptedException {
        Path home = layout.home().resolve("kafka");
        Files.createDirectories(home);
        Path config = home.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + layout.kafkaControllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + layout.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                        + layout.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + layout.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                ""));
        Path log = layout.logs().resolve("kafka.log");
        if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
            Process format = java(classpath, List.of("kafka.tools.StorageTool", "format",
                    "--cluster-id=" + org.apache.kafka.common.Uuid.randomUuid(), "--config=" + config), log);
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed; see " + log);
            }
        }
        return new LocalKafka(java(classpath, List.of("kafka.Kafka", config.toString()), log), layout.kafkaPort(), log);
    }

    /** Starts the broker and waits until it accepts connections. */
    static LocalKafka start(StackLayout layout, String classpath) throws IOException, InterruptedException {
        LocalKafka kafka = launch(layout, classpath);
        try {
            kafka.awaitHealthy(Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            kafka.process.destroyForcibly();
            throw new IllegalStateException("Kafka did not start; see " + kafka.log, e);
        }
        return kafka;
    }

    private static Process java(String classpath, List<String> mainAndArgs, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public java.util.concurrent.CompletableFuture<Integer> exited() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** Waits until the broker accepts connections. */
    @Override
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!answers(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka is not accepting connections");
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void requestStop() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
