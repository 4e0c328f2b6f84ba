package io.firebreak.statuspage.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the subscribers talk to, started once per JVM: GreenMail (a real SMTP server the tests read back) and a
 * webhook receiver that records every request and can be told to answer 500 a number of times first.
 */
public final class SubscriberStandIns {

    /** One webhook request as received. */
    public record Hook(String path, Map<String, List<String>> headers, String body, int status) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static SubscriberStandIns instance;

    private final GreenMail smtp;
    private final HttpServer http;
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    private SubscriberStandIns() throws IOException {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/hooks/", this::hook);
        http.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "webhook-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        http.start();
    }

    public static synchronized SubscriberStandIns get() {
        if (instance == null) {
            try {
                instance = new SubscriberStandIns();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String hookUrl(String name) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/hooks/" + name;
    }

    /** The next {@code times} requests to this hook get a 500. */
    public void failNext(String name, int times) {
        failuresLeft.put("/hooks/" + name, new AtomicInteger(times));
    }

    public List<Hook> hooks(String name) {
        return hooks.stream().filter(h -> h.path().equals("/hooks/" + name)).toList();
    }

    /** Every message GreenMail received for this address, oldest first. */
    public List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, address)).toList();
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private void hook(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        AtomicInteger failures = failuresLeft.get(path);
        int status = failures != null && failures.getAndDecrement() > 0 ? 500 : 204;
        hooks.add(new Hook(path, Map.copyOf(exchange.getRequestHeaders()), body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Points the test context's SMTP settings at GreenMail. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("firebreak.statuspage.subscribers.smtp.host=127.0.0.1",
                    "firebreak.statuspage.subscribers.smtp.port=" + get().smtp.getSmtp().getPort(),
                    "firebreak.statuspage.subscribers.smtp.from=status@acme.test")
                    .applyTo(context.getEnvironment());
        }
    }
}
