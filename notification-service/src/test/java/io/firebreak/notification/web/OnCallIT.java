package io.firebreak.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.notification.oncall.Editor;
import io.firebreak.notification.oncall.OnCallDocument;
import io.firebreak.notification.oncall.OnCallFile;
import io.firebreak.notification.support.Paging;
import io.firebreak.notification.support.Api;
import io.firebreak.notification.support.FakeSlack;
import io.firebreak.notification.support.FakeSlack.Call;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.notification.support.IncidentCommandSide;
import io.firebreak.notification.support.Publish;
import io.firebreak.notification.support.SlackMessages;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.command.AssignRoleRequest;
import io.firebreak.schemas.command.IncidentCommandRequested;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.paging.PageTargetKind;
import io.firebreak.schemas.paging.PageTriggered;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.support.testing.TestTokens;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The on-call model through HTTP with real PostgreSQL and Kafka: routing by service and severity, a SEV1 paging
 * three people at once, overrides, the chain repeating and announcing exhaustion, paging by hand, calendar feeds,
 * the validation refusals and the configuration file. Every item gets a fresh id: the database is shared with the
 * other test classes, whose incidents name services the catalog must not know.
 */
@NotificationIntegrationTest
class OnCallIT {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    OnCallFile onCallFile;

    WebTestClient client;
    String s;
    final FakeSlack slack = FakeSlack.get();

    @BeforeEach
    void setUp() {
        client = Api.asWriter(anonymous);
        s = UUID.randomUUID().toString().substring(0, 8);
    }

    /** People a1, a2 (rotation), em, pm; a weekly schedule starting so that a1 is on call now; team and service. */
    private void org(String teamChannel, String businessHours) {
        for (String p : List.of("a1", "a2", "em", "pm", "x")) {
            post("/api/v1/people", "{\"id\":\"" + p + "-" + s + "\",\"name\":\"" + p.toUpperCase() + " " + s
                    + "\",\"slackUserId\":\"U" + p.toUpperCase() + "\"}", HttpStatus.CREATED);
        }
        String start = MutableClock.INSTANCE.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
        post("/api/v1/schedules", """
                {"id":"sch-%1$s","name":"Schedule %1$s","timeZone":"Europe/Berlin","layers":[{"rotation":{
                 "id":"rot-%1$s","name":"Weekly","type":"WEEKLY","shiftLength":1,"handoffTime":"00:00",
                 "startDate":"%2$s","participants":["a1-%1$s","a2-%1$s"]}}]}""".formatted(s, start), HttpStatus.CREATED);
        post("/api/v1/teams", """
                {"id":"team-%1$s","name":"Team %1$s","slackChannel":"%2$s","businessHours":%3$s,
                 "scheduleId":"sch-%1$s","engineeringManager":"em-%1$s","productManager":"pm-%1$s"}"""
                .formatted(s, teamChannel, businessHours), HttpStatus.CREATED);
        post("/api/v1/services", """
                {"id":"svc-%1$s","name":"Service %1$s","teamId":"team-%1$s","runbookUrl":"https://runbooks.example/x",
                 "customerFacing":true}""".formatted(s), HttpStatus.CREATED);
    }

    private static String always() {
        return "{\"from\":\"00:00\",\"to\":\"23:59:59\",\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\","
                + "\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],\"timeZone\":\"UTC\"}";
    }

    @Test
    void aSev1OfACataloguedServicePagesOnCallManagerAndLeadershipAtOnce() {
        org("team-" + s, always());
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                KafkaConsumer<String, SpecificRecord> paging = Paging.consumer(broker.getBrokersAsString(), "oncall-it")) {
            story.declared("Checkout down", Severity.CRITICAL, true, "Service " + s);
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, story.incidentId).size() == 3);
            Map<String, Object> escalation = Paging.escalation(client, story.incidentId);
            assertThat(escalation.get("policy")).isEqualTo("team:team-" + s + ":CRITICAL");
            assertThat(escalations(client)).filteredOn(e -> story.incidentId.equals(e.get("incidentId")))
                    .singleElement().satisfies(e -> {
                        assertThat(e).containsEntry("state", "ACTIVE").containsEntry("pagesSent", 3);
                        assertThat(e.get("acknowledgedBy")).as("nobody acknowledged yet").isNull();
                    });
            assertThat(Paging.pages(client, story.incidentId)).allSatisfy(p -> assertThat(p.get("level")).isEqualTo(1))
                    .extracting(p -> p.get("responderId")).containsExactlyInAnyOrder("a1-" + s, "em-" + s, "founder");
            List<PageTriggered> triggered = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                paging.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(story.incidentId) && r.value() instanceof PageTriggered t) {
                        triggered.add(t);
                    }
                });
                return triggered.size() == 3;
            });
            assertThat(triggered).allSatisfy(t -> {
                assertThat(t.getLevel()).isEqualTo(1);
                assertThat(t.getStep()).isEqualTo(1);
                assertThat(t.getRound()).isZero();
                assertThat(t.getPolicyId()).as("the team's Critical policy").isNotNull();
                assertThat(t.getMessage()).isNull();
            });
            assertThat(triggered).filteredOn(t -> t.getResponder().getId().equals("a1-" + s)).singleElement()
                    .satisfies(t -> {
                        assertThat(t.getTargetKind()).isEqualTo(PageTargetKind.SCHEDULE);
                        assertThat(t.getTargetId()).isEqualTo("sch-" + s);
                    });
            assertThat(triggered).filteredOn(t -> t.getResponder().getId().equals("founder")).singleElement()
                    .satisfies(t -> {
                        assertThat(t.getTargetKind()).isEqualTo(PageTargetKind.PERSON);
                        assertThat(t.getTargetId()).isEqualTo("founder");
                    });
        }
    }

    @Test
    void aMajorPagesTheOnCallThenTheTeamsManagersAndAMinorOutOfHoursOnlyTellsTheTeamChannel() {
        String tomorrowButOne = MutableClock.INSTANCE.instant().atZone(ZoneOffset.UTC).getDayOfWeek().plus(3).name();
        org("team-" + s, "{\"from\":\"00:00\",\"to\":\"23:59:59\",\"days\":[\"" + tomorrowButOne
                + "\"],\"timeZone\":\"UTC\"}");
        try (IncidentStory major = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                IncidentStory minor = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            major.declared("Slow payments", Severity.MAJOR, true, "svc-" + s);
            minor.declared("Odd log line", Severity.MINOR, false, "svc-" + s);
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, major.incidentId).size() == 1);
            assertThat(Paging.pages(client, major.incidentId).get(0).get("responderId")).isEqualTo("a1-" + s);
            MutableClock.INSTANCE.advance(Duration.ofMinutes(6));
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, major.incidentId).size() == 3);
            assertThat(Paging.pages(client, major.incidentId).subList(1, 3)).extracting(p -> p.get("responderId"))
                    .containsExactlyInAnyOrder("em-" + s, "pm-" + s);

            await().atMost(Duration.ofSeconds(30)).until(() -> !posts("#team-" + s, "outside business hours").isEmpty());
            assertThat(posts("#team-" + s, "outside business hours").get(0).params().get("text"))
                    .contains("Odd log line").contains("Runbook: https://runbooks.example/x");
            client.get().uri("/api/v1/incidents/" + minor.incidentId + "/escalation").exchange().expectStatus()
                    .isNotFound();
        }
    }

    @Test
    void anOverrideTakesEffectInWhoIsOnCallShiftsAndPages() {
        org("team-" + s, always());
        Instant now = MutableClock.INSTANCE.instant();
        post("/api/v1/schedules/sch-" + s + "/overrides", """
                {"kind":"REPLACE","addPerson":"x-%s","removePerson":"a1-%s","start":"%s","end":"%s"}"""
                .formatted(s, s, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))), HttpStatus.CREATED);
        client.get().uri(u -> u.path("/api/v1/oncall").queryParam("at", now.toString()).build()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.schedules[?(@.scheduleId == 'sch-" + s + "')].onCall[0].id").isEqualTo("x-" + s)
                .jsonPath("$.services[?(@.serviceId == 'svc-" + s + "')].onCall[0].id").isEqualTo("x-" + s);
        client.get().uri(u -> u.path("/api/v1/oncall").queryParam("at", now.plus(Duration.ofHours(3)).toString())
                .build()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.schedules[?(@.scheduleId == 'sch-" + s + "')].onCall[0].id").isEqualTo("a1-" + s);
        client.get().uri(u -> u.path("/api/v1/schedules/sch-" + s + "/shifts").queryParam("from", now.toString())
                .queryParam("to", now.plus(Duration.ofHours(4)).toString()).build()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.shifts[0].personId").isEqualTo("x-" + s)
                .jsonPath("$.shifts[1].personId").isEqualTo("a1-" + s);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), now)) {
            story.declared("Override in force", Severity.CRITICAL, true, "svc-" + s);
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, story.incidentId).size() == 3);
            assertThat(Paging.pages(client, story.incidentId)).extracting(p -> p.get("responderId")).contains("x-" + s)
                    .doesNotContain("a1-" + s);
        }
    }

    @Test
    void theChainRepeatsAndAnnouncesInIncidentsWhenNobodyAcknowledges() {
        org("team-" + s, always());
        post("/api/v1/escalation-policies", """
                {"id":"pol-%1$s","name":"Policy %1$s","repeat":1,"steps":[{"delay":"PT1M","targets":[
                 {"kind":"ROTATION","id":"rot-%1$s"},{"kind":"TEAM_CHANNEL","id":"team-%1$s"}]}]}""".formatted(s),
                HttpStatus.CREATED);
        put("/api/v1/services/svc-" + s, """
                {"name":"Service %1$s","teamId":"team-%1$s","escalationPolicies":{"critical":"pol-%1$s"}}"""
                .formatted(s), HttpStatus.OK);
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Nobody home", Severity.CRITICAL, true, "svc-" + s);
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, story.incidentId).size() == 1);
            assertThat(Paging.escalation(client, story.incidentId).get("policy")).isEqualTo("policy:pol-" + s);
            await().atMost(Duration.ofSeconds(30)).until(() -> !posts("#team-" + s, "needs this team").isEmpty());
            MutableClock.INSTANCE.advance(Duration.ofSeconds(70));
            await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, story.incidentId).size() == 2);
            assertThat(Paging.pages(client, story.incidentId).get(1)).containsEntry("round", 1).containsEntry("level", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> !posts("#incidents", "paging from the first step again")
                    .isEmpty());
            MutableClock.INSTANCE.advance(Duration.ofSeconds(70));
            await().atMost(Duration.ofSeconds(30)).until(() -> "EXHAUSTED".equals(Paging.escalation(client, story.incidentId).get("state")));
            await().atMost(Duration.ofSeconds(30)).until(() -> posts("#incidents", "Nobody acknowledged the page").stream()
                    .anyMatch(c -> c.params().get("text").contains("Nobody home")));
        }
    }

    @Test
    void pagesSomeoneByHandAsAPageTriggeredLikeAnyOther() {
        org("team-" + s, always());
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                KafkaConsumer<String, SpecificRecord> paging = Paging.consumer(broker.getBrokersAsString(), "oncall-it")) {
            story.declared("Need an expert", Severity.MINOR, false, "web");
            await().atMost(Duration.ofSeconds(30)).until(() -> client.get().uri("/api/v1/incidents/" + story.incidentId
                    + "/notifications").exchange().expectBody(Map.class).returnResult().getResponseBody() != null
                    && !((List<?>) client.get().uri("/api/v1/incidents/" + story.incidentId + "/notifications").exchange()
                            .expectBody(Map.class).returnResult().getResponseBody().get("slack")).isEmpty());
            client.post().uri("/api/v1/incidents/" + story.incidentId + "/pages").bodyValue(
                    "{\"target\":{\"kind\":\"TEAM\",\"id\":\"team-" + s + "\"},\"message\":\"Checkout DB expert needed\"}")
                    .header("Content-Type", "application/json").exchange().expectStatus().isCreated().expectBody()
                    .jsonPath("$.pages.length()").isEqualTo(1).jsonPath("$.pages[0].responderId").isEqualTo("a1-" + s);
            client.post().uri("/api/v1/incidents/" + story.incidentId + "/pages").bodyValue(
                    "{\"target\":{\"kind\":\"PERSON\",\"id\":\"em-" + s + "\"}}")
                    .header("Content-Type", "application/json").exchange().expectStatus().isCreated();
            problem(client.post().uri("/api/v1/incidents/" + story.incidentId + "/pages").bodyValue(
                    "{\"target\":{\"kind\":\"SERVICE\",\"id\":\"nope-" + s + "\"}}")
                    .header("Content-Type", "application/json").exchange(), "target.id");
            List<PageTriggered> triggered = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                paging.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(story.incidentId) && r.value() instanceof PageTriggered t) {
                        triggered.add(t);
                    }
                });
                return triggered.size() == 2;
            });
            assertThat(triggered).extracting(t -> t.getResponder().getId()).containsExactly("a1-" + s, "em-" + s);
            assertThat(triggered).allSatisfy(t -> {
                assertThat(t.getLevel()).isZero();
                assertThat(t.getHeader().getActor().getId()).as("the person who paged").isEqualTo(TestTokens.WRITER_ID);
                assertThat(t.getPolicyId()).as("no policy paged by hand").isNull();
                assertThat(t.getStep()).isNull();
            });
            assertThat(triggered.get(0).getTargetKind()).isEqualTo(PageTargetKind.TEAM);
            assertThat(triggered.get(0).getTargetId()).isEqualTo("team-" + s);
            assertThat(triggered.get(0).getRound()).isZero();
            assertThat(triggered.get(0).getMessage()).isEqualTo("Checkout DB expert needed");
            assertThat(triggered.get(1).getTargetKind()).isEqualTo(PageTargetKind.PERSON);
            assertThat(triggered.get(1).getTargetId()).isEqualTo("em-" + s);
            assertThat(triggered.get(1).getRound()).as("the second request").isEqualTo(1);
            assertThat(triggered.get(1).getMessage()).isNull();
            await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").stream()
                    .map(c -> c.params().get("text")).anyMatch(t -> t.contains(TestTokens.WRITER_NAME + " pages you")
                            && t.contains("Checkout DB expert needed")));
            client.post().uri("/api/v1/pages/" + triggered.get(0).getPageId() + "/ack").exchange().expectStatus().isOk();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void myPagesAreTheCallersPagesNewestFirstAndEscalationsSummariseOpenIncidentsPaging() {
        // the writer token's actor id is the directory person's id: that is how a credential finds its pages
        postRaw("/api/v1/people", "{\"id\":\"" + TestTokens.WRITER_ID + "\",\"name\":\"" + TestTokens.WRITER_NAME
                + "\"}").expectStatus().value(status -> assertThat(status).isIn(201, 409));
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            story.declared("Who is paged " + s, Severity.MINOR, false, "web");
            String page = "{\"target\":{\"kind\":\"PERSON\",\"id\":\"" + TestTokens.WRITER_ID + "\"}}";
            await().atMost(Duration.ofSeconds(30)).until(() -> postRaw("/api/v1/incidents/" + story.incidentId
                    + "/pages", page).returnResult(String.class).getStatus().value() == 201);
            MutableClock.INSTANCE.advance(Duration.ofSeconds(5));
            post("/api/v1/incidents/" + story.incidentId + "/pages", page, HttpStatus.CREATED);

            List<Map<String, Object>> mine = myPages(client, story.incidentId);
            assertThat(mine).hasSize(2);
            assertThat((String) mine.get(0).get("triggeredAt")).as("newest first")
                    .isGreaterThan((String) mine.get(1).get("triggeredAt"));
            assertThat(mine).allSatisfy(p -> {
                assertThat((String) p.get("incidentReference")).startsWith("INC-");
                assertThat(p).containsEntry("title",
                        "Who is paged " + s).containsEntry("severity", "MINOR").containsEntry("acknowledged", false)
                        .containsEntry("state", "TRIGGERED").containsEntry("ackPath", "/api/v1/pages/" + p.get("pageId")
                                + "/ack");
                assertThat(p.get("acknowledgedAt")).isNull();
            });
            assertThat(myPages(Api.as(anonymous, TestTokens.READER), story.incidentId)).as("Rey is not paged").isEmpty();
            assertThat(myPages(Api.as(anonymous, TestTokens.only("paging:ack")), story.incidentId))
                    .as("a token of no person is nobody's").isEmpty();
            Api.as(anonymous, TestTokens.NO_SCOPES).get().uri("/api/v1/me/pages").exchange().expectStatus()
                    .isForbidden();

            client.post().uri((String) mine.get(0).get("ackPath")).exchange().expectStatus().isOk();
            List<Map<String, Object>> after = myPages(client, story.incidentId);
            assertThat(after.get(0)).containsEntry("acknowledged", true).containsEntry("state", "ACKNOWLEDGED");
            assertThat(after.get(0).get("acknowledgedAt")).isNotNull();
            assertThat(after.get(1)).containsEntry("acknowledged", false);

            Map<String, Object> summary = escalations(client).stream()
                    .filter(e -> story.incidentId.equals(e.get("incidentId"))).findFirst().orElseThrow();
            assertThat(summary).containsEntry("state", "NONE").containsEntry("pagesSent", 2)
                    .containsEntry("acknowledgedBy", TestTokens.WRITER_NAME)
                    .containsEntry("lastPagedAt", mine.get(0).get("triggeredAt"));
            assertThat(summary.get("acknowledgedAt")).isEqualTo(after.get(0).get("acknowledgedAt"));

            story.resolved().closed(null);
            await().atMost(Duration.ofSeconds(30)).until(() -> escalations(client).stream()
                    .noneMatch(e -> story.incidentId.equals(e.get("incidentId"))));
        }
    }

    @Test
    void meIsTheCredentialsPersonForAnyValidToken() {
        client.get().uri("/api/v1/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.actorId").isEqualTo(TestTokens.WRITER_ID)
                .jsonPath("$.displayName").isEqualTo(TestTokens.WRITER_NAME)
                .jsonPath("$.kind").isEqualTo("HUMAN")
                .jsonPath("$.scopes[?(@ == 'incidents:write')]").exists()
                .jsonPath("$.scopes[?(@ == 'admin')]").doesNotExist();
        Api.as(anonymous, TestTokens.INGEST).get().uri("/api/v1/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.kind").isEqualTo("INTEGRATION").jsonPath("$.scopes[0]").isEqualTo("integrations:ingest");
        Api.as(anonymous, TestTokens.NO_SCOPES).get().uri("/api/v1/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.scopes.length()").isEqualTo(0);
        anonymous.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized().expectHeader()
                .contentTypeCompatibleWith("application/problem+json");
        Api.as(anonymous, "not-a-token").get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> myPages(WebTestClient as, String incidentId) {
        List<Map<String, Object>> all = as.get().uri("/api/v1/me/pages").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(m -> (Map<String, Object>) m).toList();
        return all.stream().filter(p -> incidentId.equals(p.get("incidentId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> escalations(WebTestClient as) {
        return as.get().uri("/api/v1/escalations").exchange().expectStatus().isOk().expectBodyList(Map.class)
                .returnResult().getResponseBody().stream().map(m -> (Map<String, Object>) m).toList();
    }

    @Test
    void calendarFeedsParseBackWithIcal4j() throws Exception {
        org("team-" + s, always());
        String ics = client.get().uri("/api/v1/schedules/sch-" + s + "/calendar.ics").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar").expectBody(String.class).returnResult()
                .getResponseBody();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSizeGreaterThan(10);
        assertThat(events.get(0).getSummary().getValue()).contains("on call: Schedule " + s);
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue()).doesNotHaveDuplicates();

        String mine = client.get().uri("/api/v1/people/a2-" + s + "/calendar.ics").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        List<VEvent> shifts = new CalendarBuilder().build(new StringReader(mine)).getComponents("VEVENT");
        assertThat(shifts).isNotEmpty().allSatisfy(e -> assertThat(e.getSummary().getValue())
                .isEqualTo("On call: Schedule " + s));
        client.get().uri("/api/v1/people/nobody-" + s + "/calendar.ics").exchange().expectStatus().isNotFound();
    }

    @Test
    void refusesInvalidChangesWith422NamingTheFieldAndAuditsTheRest() {
        org("team-" + s, always());
        Instant now = MutableClock.INSTANCE.instant();
        post("/api/v1/schedules/sch-" + s + "/overrides", """
                {"kind":"ADD","addPerson":"x-%s","start":"%s","end":"%s"}"""
                .formatted(s, now, now.plus(Duration.ofHours(2))), HttpStatus.CREATED);
        problem(postRaw("/api/v1/schedules/sch-" + s + "/overrides", """
                {"kind":"REPLACE","addPerson":"x-%s","removePerson":"a1-%s","start":"%s","end":"%s"}"""
                .formatted(s, s, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)))), "start");
        problem(postRaw("/api/v1/schedules/sch-" + s + "/overrides", """
                {"kind":"ADD","addPerson":"ghost-%s","start":"%s","end":"%s"}"""
                .formatted(s, now, now.plus(Duration.ofHours(1)))), "addPerson");
        problem(postRaw("/api/v1/schedules", """
                {"id":"bad-%1$s","name":"Bad","timeZone":"Europe/Atlantis","layers":[]}""".formatted(s)), "timeZone");
        problem(postRaw("/api/v1/schedules", """
                {"id":"bad-%1$s","name":"Bad","timeZone":"UTC","layers":[{"rotation":{"id":"bad-rot-%1$s",
                 "startDate":"2026-01-01","participants":[]}}]}""".formatted(s)), "layers[0].rotation.participants");
        problem(postRaw("/api/v1/teams", """
                {"id":"bad-%1$s","name":"Bad","engineeringManager":"ghost-%1$s"}""".formatted(s)), "engineeringManager");
        problem(postRaw("/api/v1/teams", """
                {"id":"bad-%1$s","name":"Bad","defaultLead":"ghost-%1$s"}""".formatted(s)), "defaultLead");
        problem(postRaw("/api/v1/escalation-policies", """
                {"id":"self-%1$s","name":"Self","steps":[{"targets":[{"kind":"POLICY","id":"self-%1$s"}]}]}"""
                .formatted(s)), "steps[0].targets[0].id");
        post("/api/v1/escalation-policies", """
                {"id":"p1-%1$s","name":"P1","steps":[{"targets":[{"kind":"PERSON","id":"em-%1$s"}]}]}""".formatted(s),
                HttpStatus.CREATED);
        post("/api/v1/escalation-policies", """
                {"id":"p2-%1$s","name":"P2","steps":[{"targets":[{"kind":"POLICY","id":"p1-%1$s"}]}]}""".formatted(s),
                HttpStatus.CREATED);
        problem(client.put().uri("/api/v1/escalation-policies/p1-" + s).header("Content-Type", "application/json")
                .bodyValue("""
                        {"name":"P1","steps":[{"targets":[{"kind":"POLICY","id":"p2-%1$s"}]}]}""".formatted(s))
                .exchange(), "steps");
        client.get().uri("/api/v1/escalation-policies/p1-" + s).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.steps[0].delay").isEqualTo("PT5M");
        problem(postRaw("/api/v1/services", """
                {"id":"svc2-%1$s","name":"S","teamId":"team-%1$s","runbookUrl":"ftp://x"}""".formatted(s)), "runbookUrl");
        post("/api/v1/people", "{\"id\":\"a1-" + s + "\",\"name\":\"Again\"}", HttpStatus.CONFLICT);
        client.delete().uri("/api/v1/people/em-" + s).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);

        put("/api/v1/people/x-" + s, "{\"name\":\"Xavier " + s + "\",\"email\":\"x@example.com\"}", HttpStatus.OK);
        client.get().uri(u -> u.path("/api/v1/oncall/audit").queryParam("entity", "person").queryParam("id", "x-" + s)
                .build()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].action").isEqualTo("UPDATE").jsonPath("$[0].actorName").isEqualTo(TestTokens.WRITER_NAME)
                .jsonPath("$[0].actorId").isEqualTo(TestTokens.WRITER_ID).jsonPath("$[1].action").isEqualTo("CREATE");
        Api.as(anonymous, TestTokens.READER).post().uri("/api/v1/people").header("Content-Type", "application/json")
                .bodyValue("{\"id\":\"r-" + s + "\",\"name\":\"R\"}").exchange().expectStatus().isForbidden();
    }

    @Test
    void theConfigurationFileIsUpsertedIdempotentlyAndKeepsApiChangesUntilItChangesThem() throws Exception {
        String yaml = """
                people:
                  - {id: f1-%1$s, name: File One}
                  - {id: f2-%1$s, name: File Two}
                schedules:
                  - id: fsch-%1$s
                    name: File schedule
                    timeZone: America/New_York
                    layers:
                      - rotation: {id: frot-%1$s, type: DAILY, handoffTime: "09:00", startDate: 2026-01-01,
                                   participants: [f1-%1$s, f2-%1$s]}
                    overrides:
                      - {id: fo-%1$s, kind: ADD, addPerson: f2-%1$s, start: 2026-12-24T00:00:00Z, end: 2026-12-25T00:00:00Z}
                teams:
                  - {id: fteam-%1$s, name: File team, slackChannel: file-team, scheduleId: fsch-%1$s}
                services:
                  - {id: fsvc-%1$s, name: File service %1$s, teamId: fteam-%1$s}
                """.formatted(s);
        Path file = Files.createTempFile("oncall", ".yml");
        Files.writeString(file, yaml);
        OnCallDocument document = onCallFile.read("file:" + file);
        assertThat(onCallFile.apply(document, Editor.CONFIG_FILE)).isEqualTo(6);
        assertThat(onCallFile.apply(document, Editor.CONFIG_FILE)).as("nothing changed, nothing written").isZero();
        client.get().uri("/api/v1/schedules/fsch-" + s + "/overrides").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].id").isEqualTo("fo-" + s);

        put("/api/v1/people/f1-" + s, "{\"name\":\"Renamed in the API\"}", HttpStatus.OK);
        onCallFile.apply(onCallFile.read("file:" + file), Editor.CONFIG_FILE);
        client.get().uri("/api/v1/people/f1-" + s).exchange().expectBody().jsonPath("$.name").isEqualTo("Renamed in the API");

        Files.writeString(file, yaml.replace("File One", "File One renamed in the file"));
        assertThat(onCallFile.apply(onCallFile.read("file:" + file), Editor.CONFIG_FILE)).isEqualTo(1);
        client.get().uri("/api/v1/people/f1-" + s).exchange().expectBody().jsonPath("$.name")
                .isEqualTo("File One renamed in the file");
        client.get().uri(u -> u.path("/api/v1/oncall/audit").queryParam("entity", "person").queryParam("id", "f1-" + s)
                .build()).exchange().expectBody().jsonPath("$[0].actorId").isEqualTo("config-file")
                .jsonPath("$[1].actorId").isEqualTo(TestTokens.WRITER_ID);
        Files.delete(file);
    }

    // --- issue 16: drills and the default lead

    /** An IncidentDeclared as incident-command writes it, declared by {@code declarer}, drill or not. */
    private String declare(String declarer, String title, Severity severity, boolean drill, String service) {
        String incidentId = UUID.randomUUID().toString();
        Publish.send(broker.getBrokersAsString(), Topics.INCIDENT_EVENTS, incidentId, new IncidentDeclared(
                new EventHeader(UUID.randomUUID().toString(), incidentId, 0L, MutableClock.INSTANCE.instant(),
                        new Actor(declarer, "Declarer " + declarer, ActorKind.HUMAN)),
                "INC-" + s + "-" + (int) (Math.random() * 1000), title, "", severity, IncidentStatus.INVESTIGATING,
                true, List.of(service), IncidentSource.API, null, severity.name(), null,
                "inc-" + (drill ? "drill-" : "") + incidentId.substring(0, 8), IncidentType.ENGINEERING, drill,
                List.of()), 1);
        return incidentId;
    }

    @Test
    void aDrillPagesOnlyTheDeclarersTeamOnceNeverLeadershipAndSaysDrillEverywhere() {
        org("team-" + s, always());
        // declared by a2, who rotates in the team's schedule; the service is the team's own, whose Critical default
        // would page leadership (the founder) at once
        String id = declare("a2-" + s, "Fire drill " + s, Severity.CRITICAL, true, "svc-" + s);
        await().atMost(Duration.ofSeconds(30)).until(() -> Paging.pages(client, id).size() == 2);
        assertThat(Paging.escalation(client, id).get("policy")).isEqualTo("drill:team-" + s + ":CRITICAL");
        assertThat(Paging.pages(client, id)).extracting(p -> p.get("responderId"))
                .containsExactlyInAnyOrder("a1-" + s, "em-" + s);
        String reference = "INC-" + s;
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages("DUA1").stream()
                .anyMatch(m -> m.text().contains(reference)));
        assertThat(slack.messages("DUA1").stream().filter(m -> m.text().contains(reference)))
                .allSatisfy(m -> assertThat(m.text()).startsWith(":test_tube: *DRILL* :rotating_light: You are paged"));

        String channel = await().atMost(Duration.ofSeconds(30)).until(() -> slack.createdChannelIds("inc-drill-"
                + id.substring(0, 8)).stream().findFirst().orElse(null), c -> c != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages(channel).stream()
                .anyMatch(m -> SlackMessages.blockText(m.blocks()).contains("DRILL · :rotating_light: " + reference)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !posts("#incidents", "Fire drill " + s).isEmpty());
        assertThat(posts("#incidents", "Fire drill " + s)).allSatisfy(c -> assertThat(c.params().get("text"))
                .startsWith(":test_tube: *DRILL*"));
        assertThat(slack.calls("conversations.setTopic")).filteredOn(c -> channel.equals(c.params().get("channel")))
                .allSatisfy(c -> assertThat(c.params().get("topic")).startsWith("DRILL · "));

        // nobody acknowledges: no second step, no repeat, never the founder; the reminder says DRILL too
        MutableClock.INSTANCE.advance(Duration.ofMinutes(16));
        await().atMost(Duration.ofSeconds(30)).until(() -> "EXHAUSTED".equals(Paging.escalation(client, id).get("state")));
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages(channel).stream()
                .anyMatch(m -> m.text() != null && m.text().contains(":alarm_clock:")));
        assertThat(Paging.pages(client, id)).extracting(p -> p.get("responderId"))
                .containsExactlyInAnyOrder("a1-" + s, "em-" + s);
        assertThat(slack.messages(channel)).filteredOn(m -> m.text() != null && (m.text().contains(":alarm_clock:")
                || m.text().contains("Nobody acknowledged"))).isNotEmpty()
                .allSatisfy(m -> assertThat(m.text()).startsWith(":test_tube: *DRILL*"));
        assertThat(posts("#engineering", "Fire drill " + s)).as("drills stay out of #engineering").isEmpty();
        // by hand: leadership is refused, the team is not
        problem(client.post().uri("/api/v1/incidents/" + id + "/pages").header("Content-Type", "application/json")
                .bodyValue("{\"target\":{\"kind\":\"PERSON\",\"id\":\"founder\"}}").exchange(), "target");
        client.post().uri("/api/v1/incidents/" + id + "/pages").header("Content-Type", "application/json")
                .bodyValue("{\"target\":{\"kind\":\"PERSON\",\"id\":\"pm-" + s + "\"}}").exchange()
                .expectStatus().isCreated();
    }

    @Test
    void aDrillWhoseDeclarerIsOnNoTeamPagesNobodyAndSaysSo() {
        org("team-" + s, always());
        String id = declare("stranger-" + s, "Lonely drill " + s, Severity.MAJOR, true, "svc-" + s);
        String channel = await().atMost(Duration.ofSeconds(30)).until(() -> slack.createdChannelIds("inc-drill-"
                + id.substring(0, 8)).stream().findFirst().orElse(null), c -> c != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages(channel).stream()
                .anyMatch(m -> m.text() != null && m.text().contains("so nobody was paged")));
        assertThat(slack.messages(channel).stream().filter(m -> m.text() != null
                && m.text().contains("so nobody was paged")).findFirst().orElseThrow().text())
                .startsWith(":test_tube: *DRILL*").contains("Declarer stranger-" + s + " is on no team");
        client.get().uri("/api/v1/incidents/" + id + "/escalation").exchange().expectStatus().isNotFound();
    }

    @Test
    void aMajorWithoutALeadAsksForItsTeamsDefaultLeadAfterFourMinutes() {
        org("team-" + s, always());
        put("/api/v1/teams/team-" + s, """
                {"name":"Team %1$s","slackChannel":"team-%1$s","scheduleId":"sch-%1$s","engineeringManager":"em-%1$s",
                 "productManager":"pm-%1$s","defaultLead":"em-%1$s"}""".formatted(s), HttpStatus.OK);
        client.get().uri("/api/v1/teams/team-" + s).exchange().expectBody().jsonPath("$.defaultLead")
                .isEqualTo("em-" + s);
        try (IncidentCommandSide commands = new IncidentCommandSide(broker.getBrokersAsString());
                IncidentStory leaderless = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant());
                IncidentStory led = new IncidentStory(broker.getBrokersAsString(), MutableClock.INSTANCE.instant())) {
            leaderless.declared("Nobody leads " + s, Severity.MAJOR, true, "web", "svc-" + s);
            led.declared("Led " + s, Severity.CRITICAL, true, "svc-" + s).role(IncidentRole.INCIDENT_LEAD, "Lia");
            String channel = await().atMost(Duration.ofSeconds(30)).until(() -> slack.createdChannelIds(
                    leaderless.channelName()).stream().findFirst().orElse(null), c -> c != null);
            await().atMost(Duration.ofSeconds(30)).until(() -> !Paging.pages(client, led.incidentId).isEmpty());

            // declared 30 s after the story's start (IncidentStory's clock): due 4 minutes later
            MutableClock.INSTANCE.advance(Duration.ofMinutes(3));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                    .until(() -> commands.requestsFor(leaderless.incidentId).isEmpty());
            MutableClock.INSTANCE.advance(Duration.ofMinutes(2));
            IncidentCommandRequested request = await().atMost(Duration.ofSeconds(30)).until(() -> commands
                    .requestsFor(leaderless.incidentId), found -> !found.isEmpty()).get(0);
            AssignRoleRequest assign = (AssignRoleRequest) request.getCommand();
            assertThat(assign.getRole()).isEqualTo(IncidentRole.INCIDENT_LEAD);
            assertThat(assign.getAssignee().getId()).isEqualTo("em-" + s);
            assertThat(assign.getAssignee().getSlackUserId()).isEqualTo("UEM");
            assertThat(assign.getJoining()).isFalse();
            assertThat(request.getActor().getId()).isEqualTo("notification-service");
            assertThat(request.getActor().getKind()).isEqualTo(ActorKind.SYSTEM);
            await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages(channel).stream()
                    .anyMatch(m -> m.text() != null && m.text().contains("asking to make <@UEM> (default lead of Team "
                            + s + ")")));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                    commands.requestsFor(leaderless.incidentId).size() == 1
                            && commands.requestsFor(led.incidentId).isEmpty());
        }
    }

    // --- helpers

    private void post(String path, String json, HttpStatus expected) {
        postRaw(path, json).expectStatus().isEqualTo(expected);
    }

    private WebTestClient.ResponseSpec postRaw(String path, String json) {
        return client.post().uri(path).header("Content-Type", "application/json").bodyValue(json).exchange();
    }

    private void put(String path, String json, HttpStatus expected) {
        client.put().uri(path).header("Content-Type", "application/json").bodyValue(json).exchange().expectStatus()
                .isEqualTo(expected);
    }

    private static void problem(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.field").isEqualTo(field);
    }

    private List<Call> posts(String channel, String containing) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.params().get("channel")))
                .filter(c -> containing == null || c.params().get("text").contains(containing)).toList();
    }

}
