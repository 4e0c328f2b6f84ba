package io.firebreak.deploy.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paging provider for the alert → page benchmark: notification-service's page webhook
 * ({@code FIREBREAK_PAGING_WEBHOOK_URL}) points here, and the first page of each incident is timed on arrival.
 */
final class PageReceiver implements AutoCloseable {

    private static final Pattern INCIDENT = Pattern.compile("\"incidentId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, Long> firstPage = new ConcurrentHashMap<>();

    PageReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/pages", exchange -> {
            long arrived = System.nanoTime();
            try (InputStream body = exchange.getRequestBody()) {
                Matcher incident = INCIDENT.matcher(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                if (incident.find()) {
                    firstPage.putIfAbsent(incident.group(1), arrived);
                }
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pages";
    }

    /** When the incident's first page arrived ({@link System#nanoTime()}), or null. */
    Long firstPage(String incidentId) {
        return firstPage.get(incidentId);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
