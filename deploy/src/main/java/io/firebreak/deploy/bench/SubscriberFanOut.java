package io.firebreak.deploy.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The status page while its subscribers are notified (issue 17): {@code subscribers} confirmed e-mail subscribers
 * are inserted straight into statuspage's schema (setup, not what is measured), a Critical with customer impact is
 * declared through the API, and the page is read at the given concurrency until every notice about it has reached
 * the local SMTP server (LocalMail). Reports the page's req/s and latencies during the delivery, and how long the
 * deliveries took from the declaration.
 */
final class SubscriberFanOut {

    /** What one run measured. */
    record Result(Stats page, int subscribers, long delivered, double deliverySeconds, double fanOutSeconds) {
    }

    private final String jdbcUrl;
    private final String command;
    private final String statuspage;

    SubscriberFanOut(String jdbcUrl, String command, String statuspage) {
        this.jdbcUrl = jdbcUrl;
        this.command = command;
        this.statuspage = statuspage;
    }

    Result run(int subscribers, int concurrency, Duration timeout) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            insertSubscribers(db, run, subscribers);
            Instant declared = Instant.now();
            String id = Http.id(Http.post(command + "/api/v1/incidents", "{\"title\":\"Subscriber fan-out\","
                    + "\"severity\":\"CRITICAL\",\"customerImpact\":true,\"affectedServices\":[\"checkout\"]}"));
            AtomicLong delivered = new AtomicLong();
            AtomicLong enqueued = new AtomicLong();
            long[] fannedOutAt = {0};
            long[] doneAt = {0};
            Thread watcher = new Thread(() -> watch(id, subscribers, delivered, enqueued, fannedOutAt, doneAt, timeout),
                    "bench-delivery-watch");
            watcher.setDaemon(true);
            watcher.start();
            long start = System.nanoTime();
            java.util.concurrent.atomic.AtomicInteger flip = new java.util.concurrent.atomic.AtomicInteger();
            Stats page = Load.run(concurrency, Duration.ZERO, timeout, r -> r.time(() ->
                    Http.get(statuspage + ((flip.getAndIncrement() & 1) == 0 ? "/api/v2/summary.json" : "/"))),
                    () -> delivered.get() >= subscribers);
            watcher.join(Duration.ofSeconds(5).toMillis());
            double sinceStart = (System.nanoTime() - start) / 1e9;
            double seconds = doneAt[0] == 0 ? sinceStart : (doneAt[0] - start) / 1e9;
            double fanOut = fannedOutAt[0] == 0 ? Double.NaN : (fannedOutAt[0] - start) / 1e9;
            deleteSubscribers(db, run);
            return new Result(page, subscribers, delivered.get(), seconds, fanOut);
        }
    }

    private void insertSubscribers(Connection db, String run, int count) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO statuspage.subscriber (subscriber_id, channel,"
                + " address, components, created_at, confirmed_at) VALUES (?, 'EMAIL', ?, '{}', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < count; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "bench-" + run + "-" + i + "@bench.test");
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    private void deleteSubscribers(Connection db, String run) throws Exception {
        try (PreparedStatement delete = db.prepareStatement(
                "DELETE FROM statuspage.subscriber WHERE address LIKE ?")) {
            delete.setString(1, "bench-" + run + "-%@bench.test");
            delete.executeUpdate();
        }
    }

    /** Polls the deliveries of the incident's notices until all are sent (or the time is up). */
    private void watch(String incidentId, int expected, AtomicLong delivered, AtomicLong enqueued, long[] fannedOutAt,
            long[] doneAt, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement count = db.prepareStatement("SELECT count(*), count(d.sent_at)"
                        + " FROM statuspage.delivery d JOIN statuspage.notice n ON n.notice_id = d.notice_id"
                        + " WHERE n.incident_id = ? AND n.kind = 'INCIDENT_UPDATE'")) {
            count.setString(1, incidentId);
            while (System.nanoTime() < deadline && delivered.get() < expected) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    enqueued.set(rs.getLong(1));
                    delivered.set(rs.getLong(2));
                }
                if (fannedOutAt[0] == 0 && enqueued.get() >= expected) {
                    fannedOutAt[0] = System.nanoTime();
                }
                Thread.sleep(200);
            }
            if (delivered.get() >= expected) {
                doneAt[0] = System.nanoTime();
            }
        } catch (Exception e) {
            System.out.println("    delivery watch failed: " + e);
        }
    }
}
