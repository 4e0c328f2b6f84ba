package io.firebreak.deploy.testing;

import io.firebreak.deploy.local.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole stack as {@code ./firebreak-local} runs it (PostgreSQL, a KRaft broker, the four services as processes),
 * started from a test on its own ports ({@code portBase + 3433}, {@code + 7092/7093}, {@code + 6080..6083}, with
 * {@code FIREBREAK_INSTANCES=2} also {@code + 6090..6093}) and a fresh home directory. Its progress output goes to
 * the console and is kept for assertions.
 */
public final class TestStack implements AutoCloseable {

    public static final String TOKEN = "firebreak-dev-token";

    private final LocalStack stack;
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final Path home;

    private TestStack(Path root, Map<String, String> env, Path home) {
        this.home = home;
        PrintStream out = new PrintStream(new Tee(System.out, progress), true, StandardCharsets.UTF_8);
        this.stack = LocalStack.create(root, env, out);
    }

    /** Starts a stack; {@code extra} adds infrastructure or service settings (FIREBREAK_* entries). */
    public static TestStack start(int portBase, Map<String, String> extra) throws Exception {
        Path home = Files.createTempDirectory("firebreak-stack");
        Path root = Path.of(System.getProperty("firebreak.root", "..")).toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(Map.of(
                "FIREBREAK_HOME", home.toString(),
                "FIREBREAK_POSTGRES_PORT", Integer.toString(portBase + 3433),
                "FIREBREAK_KAFKA_PORT", Integer.toString(portBase + 7092),
                "FIREBREAK_KAFKA_CONTROLLER_PORT", Integer.toString(portBase + 7093),
                "FIREBREAK_COMMAND_PORT", Integer.toString(portBase + 6080),
                "FIREBREAK_NOTIFICATION_PORT", Integer.toString(portBase + 6081),
                "FIREBREAK_STATUSPAGE_PORT", Integer.toString(portBase + 6082),
                "FIREBREAK_DEBRIEF_PORT", Integer.toString(portBase + 6083)));
        env.put("FIREBREAK_LOCAL_SMTP_PORT", Integer.toString(portBase + 2525));
        env.put("FIREBREAK_LOCAL_IMAP_PORT", Integer.toString(portBase + 3143));
        env.putAll(extra);
        TestStack stack = new TestStack(root, env, home);
        try {
            stack.stack.start(false);
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public LocalStack stack() {
        return stack;
    }

    public String url(String module) {
        return "http://127.0.0.1:" + stack.port(module);
    }

    /** The base URL of one instance of a service (1 for the first). */
    public String url(String module, int instance) {
        return "http://127.0.0.1:" + stack.port(module, instance);
    }

    /** Everything the launcher printed so far (start-up steps and supervisor lines). */
    public String progress() {
        synchronized (progress) {
            return progress.toString(StandardCharsets.UTF_8);
        }
    }

    /** The launcher's structured supervisor log, {@code logs/supervisor.log} under the stack's home. */
    public String supervisorLog() throws java.io.IOException {
        Path log = home.resolve("logs").resolve("supervisor.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Sends a signal ({@code STOP}, {@code CONT}, {@code KILL}) to a component's current process. */
    public void signal(String component, String signal) throws Exception {
        long pid = stack.pids().get(component);
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    @Override
    public void close() {
        stack.stop();
    }

    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream kept;

        Tee(OutputStream console, ByteArrayOutputStream kept) {
            this.console = console;
            this.kept = kept;
        }

        @Override
        public void write(int b) {
            synchronized (kept) {
                kept.write(b);
            }
            try {
                console.write(b);
            } catch (java.io.IOException ignored) {
                // the console is best effort
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (kept) {
                kept.write(b, off, len);
            }
            try {
                console.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // the console is best effort
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            console.flush();
        }
    }
}
