package io.firebreak.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.deploy.drill.Ledger;
import io.firebreak.deploy.drill.SteadyLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scale-out: the seeds' scenario against two instances of every service ({@code FIREBREAK_INSTANCES=2}: one
 * database, one broker, one consumer group per service), every request going to the next instance in turn. Then:
 * no Slack message, PagerDuty event, webhook page or e-mail was sent twice, every projection has processed every stored
 * event and nothing was dead-lettered; the live feed of one incident-command instance shows an incident declared on
 * the other; and a restart (instance 1 of every service stopped gracefully and started again while instance 2
 * serves) under steady load loses nothing: every accepted command is stored, every stored
 * event is on the topic once and in every projection, no sequence gaps.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutE2EIT extends SeedsScenario {

    /** A PagerDuty integration key is 32 characters. */
    static final String ROUTING_KEY = "e2e0scale0out0routing0key0000001";
    static final List<String> SERVICES = List.of("incident-command", "notification-service", "statuspage-service",
            "debrief-service");
    static final List<String> CONSUMER_GROUPS = List.of("notification-service", "statuspage-service",
            "debrief-service");

    private PagingStandIn paging;

    @Override
    Map<String, String> infrastructure() {
        return Map.of();
    }

    @Override
    int portBase() {
        return 24000;
    }

    @Override
    Map<String, String> settings() {
        try {
            paging = new PagingStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // FIREBREAK_NOTIFICATION_PAGING_PAGERDUTYEVENTSURL: Spring's environment name of
        // firebreak.notification.paging.pagerduty-events-url (notification-service's NotificationProperties)
        return Map.of("FIREBREAK_INSTANCES", "2", "FIREBREAK_PAGERDUTY_ROUTING_KEY", ROUTING_KEY,
                "FIREBREAK_NOTIFICATION_PAGING_PAGERDUTYEVENTSURL", paging.eventsUrl(),
                "FIREBREAK_PAGING_WEBHOOK_URL", paging.webhookUrl());
    }

    @AfterAll
    void stopPaging() {
        if (paging != null) {
            paging.close();
        }
    }

    @Test
    @Order(Order.DEFAULT + 1)
    void afterTheScenarioNothingWasSentTwiceAndEveryProjectionIsComplete() throws Exception {
        assertThat(stack.pids()).containsKeys("incident-command", "incident-command-2", "notification-service",
                "notification-service-2", "statuspage-service", "statuspage-service-2", "debrief-service",
                "debrief-service-2");
        assertEveryConsumerGroupHasBothInstances();

        // every page of the scenario reached PagerDuty and the webhook exactly once per action
        List<String> pageIds = pages(scenarioIncident).stream().map(p -> p.path("pageId").asText()).toList();
        assertThat(pageIds).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(paging.events()).filteredOn(e -> e.action().equals("trigger")).extracting(PagingStandIn.Event::dedupKey)
                    .containsAll(pageIds);
            assertThat(paging.deliveries()).filteredOn(d -> d.action().equals("trigger"))
                    .extracting(PagingStandIn.Delivery::pageId).containsAll(pageIds);
            // the seed's people have e-mail addresses: each page is also mailed, through the stack's SMTP server,
            // unless the scenario acknowledged it before its e-mail was due: that e-mail is cancelled, not sent
            // (ContactDeliveryWorker), and the notification-service's table says so
            java.util.Set<String> cancelled = emailsCancelledByAck(pageIds);
            assertThat(mails()).extracting(Mail::pageId)
                    .containsAll(pageIds.stream().filter(pageId -> !cancelled.contains(pageId)).toList());
        });
        assertNothingSentTwice();

        // every stored event is on the topic once and processed by every projection; nothing dead-lettered
        Ledger ledger = ledger();
        AtomicReference<List<Ledger.Stored>> stored = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            stored.set(ledger.store());
            return ledger.caughtUp(stored.get());
        });
        Ledger.Findings findings = ledger.compare(stored.get(), java.util.Set.of());
        System.out.println("SCALE-OUT scenario " + findings);
        assertThat(findings.lost()).as("lost " + findings).isZero();
        assertThat(findings.duplicatedOnTopic()).as("duplicated on the topic " + findings).isZero();
        assertThat(findings.gaps()).as("gaps " + findings).isZero();
        assertThat(ledger.deadLetters().values().stream().mapToLong(Long::longValue).sum())
                .as("dead letters " + ledger.deadLetters()).isZero();
    }

    @Test
    @Order(Order.DEFAULT + 2)
    void theLiveFeedOfOneInstanceShowsWhatAnotherStored() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpResponse<java.util.stream.Stream<String>> feed = HTTP.send(HttpRequest.newBuilder(
                URI.create(testStack.url("incident-command", 2) + "/api/v1/incidents/stream"))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(feed.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                feed.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the stream was closed below
            }
        }, "live-feed-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            String id = post(testStack.url("incident-command", 1) + "/api/v1/incidents",
                    "{\"title\": \"Declared on instance 1\", \"severity\": \"MINOR\"}", 201).path("id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream()
                    .anyMatch(line -> line.startsWith("data:") && line.contains(id)));
        } finally {
            feed.body().close();
        }
    }

    @Test
    @Order(Order.DEFAULT + 3)
    void aRollingRestartUnderSteadyLoadLosesNothing() throws Exception {
        Ledger ledger = ledger();
        List<String> commands = List.of(testStack.url("incident-command", 1), testStack.url("incident-command", 2));
        long started = System.nanoTime();
        try (SteadyLoad load = new SteadyLoad(commands, 2, Duration.ofMillis(400))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> load.accepted().size() >= 6);
            // instance 1 of every service goes and comes back while instance 2 carries the load; restarting
            // instance 2 the same way afterwards showed nothing more and cost a minute of CI (docs in the README)
            restartEveryService(1, load);
            long restarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acceptedSince(restarted));
            load.close();

            AtomicReference<List<Ledger.Stored>> stored = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                stored.set(ledger.store());
                return ledger.caughtUp(stored.get());
            });
            Ledger.Findings findings = ledger.compare(stored.get(), load.accepted());
            System.out.printf("SCALE-OUT rolling restart in %d s: %s; accepted=%d refused=%d unknown=%d notSent=%d"
                    + " refusals=%s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds(), findings,
                    load.accepted().size(), load.refused(), load.unknown(), load.notSent(), load.refusals());
            assertThat(findings.acceptedNotStored()).as("2xx answers whose event is not in the event store").isZero();
            assertThat(findings.lostOnTopic()).as("stored events missing on the topic").isZero();
            assertThat(findings.lostInProjection()).as("stored events a projection has not processed")
                    .allSatisfy((projection, missing) -> assertThat(missing).as(projection).isZero());
            assertThat(findings.duplicatedOnTopic()).as("events published twice").isZero();
            assertThat(findings.gaps()).as("sequence gaps per incident (store and topic)").isZero();
            assertThat(ledger.deadLetters().values().stream().mapToLong(Long::longValue).sum())
                    .as("dead letters " + ledger.deadLetters()).isZero();
            assertThat(load.incidents()).hasSizeGreaterThan(2);
        }
        assertNothingSentTwice();
        assertEveryConsumerGroupHasBothInstances();
    }

    /**
     * Stops the given instance of every service gracefully (all four at once, as independent deployments roll), checks
     * that commands are still accepted by the other instance meanwhile, and starts them again.
     */
    private void restartEveryService(int instance, SteadyLoad load) throws Exception {
        List<String> components = SERVICES.stream().map(s -> stack.component(s, instance)).toList();
        runTogether(components, stack::stopGracefully);
        long stoppedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.acceptedSince(stoppedAt));
        runTogether(components, stack::startAgain);
    }

    private interface ComponentAction {
        void run(String component) throws Exception;
    }

    private static void runTogether(List<String> components, ComponentAction action) throws Exception {
        List<Thread> threads = new ArrayList<>();
        Map<String, Exception> failures = new java.util.concurrent.ConcurrentHashMap<>();
        for (String component : components) {
            Thread thread = new Thread(() -> {
                try {
                    action.run(component);
                } catch (Exception e) {
                    failures.put(component, e);
                }
            }, "scale-out-" + component);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            Exception first = failures.values().iterator().next();
            throw new IllegalStateException("Failed: " + failures.keySet(), first);
        }
    }

    /** Slack messages, PagerDuty events and webhook deliveries: none twice, none refused for its shape. */
    private void assertNothingSentTwice() throws Exception {
        List<String> posts = new ArrayList<>();
        slack.calls("chat.postMessage").forEach(c -> posts.add(c.params().get("channel") + "|" + c.params().get("text")));
        assertThat(posts).as("Slack messages").doesNotHaveDuplicates();
        assertThat(slack.calls("conversations.create")).extracting(c -> c.params().get("name"))
                .as("Slack channels created").doesNotHaveDuplicates();
        assertThat(paging.rejected()).as("requests the paging stand-in refused").isEmpty();
        assertThat(paging.events()).extracting(e -> e.dedupKey() + "|" + e.action()).as("PagerDuty events")
                .doesNotHaveDuplicates();
        assertThat(paging.events()).allSatisfy(e -> assertThat(e.routingKey()).isEqualTo(ROUTING_KEY));
        assertThat(paging.deliveries()).extracting(PagingStandIn.Delivery::deliveryId).as("webhook pages")
                .doesNotHaveDuplicates();
        assertThat(mails()).as("e-mail pages (page, recipient)").isNotEmpty().doesNotHaveDuplicates();
    }

    /** A page e-mailed to one recipient, as the stack's SMTP server received it. */
    private record Mail(String pageId, String to) {
    }

    /** The pages among {@code pageIds} whose e-mail deliveries were all cancelled (acknowledged before they were due). */
    private java.util.Set<String> emailsCancelledByAck(List<String> pageIds) throws Exception {
        java.util.Set<String> cancelled = new java.util.HashSet<>();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(stack.jdbcUrl(), "postgres",
                "postgres");
                java.sql.PreparedStatement query = connection.prepareStatement("SELECT page_id FROM"
                        + " notification.contact_delivery WHERE page_id = ANY (?) AND kind = 'EMAIL'"
                        + " GROUP BY page_id HAVING bool_and(state = 'CANCELLED')")) {
            query.setArray(1, connection.createArrayOf("varchar", pageIds.toArray()));
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cancelled.add(rows.getString(1));
                }
            }
        }
        return cancelled;
    }

    private List<Mail> mails() throws Exception {
        List<Mail> mails = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage message : stack.mail().orElseThrow().received()) {
            String[] page = message.getHeader("X-Firebreak-Page");
            mails.add(new Mail(page == null ? "" : page[0], java.util.Arrays.toString(message.getAllRecipients())));
        }
        return mails;
    }

    /** One consumer group per service, with both instances' consumers in it. */
    private void assertEveryConsumerGroupHasBothInstances() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(CONSUMER_GROUPS)
                        .all().get();
                Map<String, Integer> members = new HashMap<>();
                groups.forEach((name, group) -> members.put(name, group.members().size()));
                assertThat(members).as("members per consumer group").allSatisfy((group, count) ->
                        assertThat(count).as(group).isGreaterThanOrEqualTo(2));
            });
        }
    }

    private static Ledger ledger() {
        return new Ledger(stack.jdbcUrl(), stack.kafkaBootstrap());
    }
}
