package io.firebreak.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.command.support.TopicReader;
import io.firebreak.schemas.incident.ComponentStatus;
import io.firebreak.schemas.incident.ComponentStatusSet;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.PublicWordingEdited;
import io.firebreak.schemas.incident.StatusPageHidden;
import io.firebreak.schemas.incident.StatusPagePublished;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.support.security.Scopes;
import io.firebreak.support.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 17 through the HTTP API, PostgreSQL and the topic: the comms owner's status page controls (publish, hide, public
 * wording, component status, customer e-mail) as incident commands, each an event whose actor is the caller; the rules
 * that refuse them (drills are never public, the e-mail is for Critical and Major incidents, public text carries no
 * secret, personal data or internal title); the scopes; the incident view's {@code statusPage}; and a customer update's
 * "what you can do".
 */
@IncidentCommandIntegrationTest
class StatusPageControlsIT {

    private static final String STATUS_PAGE_ONLY = TestTokens.only(Scopes.STATUSPAGE_WRITE);

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void eachControlIsAnEventByTheCallerAndTheViewShowsTheStatusPage() {
        String id = (String) Api.declare(client, Map.of("title", "pg-payments-01 primary failover loops",
                "severity", "MAJOR")).get("id");
        String page = "/api/v1/incidents/" + id + "/status-page";

        Api.get(client, "/api/v1/incidents/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.statusPage.published").doesNotExist()
                .jsonPath("$.statusPage.hidden").isEqualTo(false)
                .jsonPath("$.statusPage.components").isEmpty();

        // a credential with only statuspage:write is enough for the comms owner's controls
        send(HttpMethod.POST, page + "/publish", STATUS_PAGE_ONLY, Map.of("publicTitle", "Card payments are failing"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.statusPage.published").isEqualTo(true)
                .jsonPath("$.statusPage.publicTitle").isEqualTo("Card payments are failing")
                .jsonPath("$.statusPage.publicMessage").doesNotExist();
        send(HttpMethod.PUT, page + "/wording", Api.WRITER,
                Map.of("publicMessage", "Some card payments fail; we are rolling back a change."))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.statusPage.publicTitle").isEqualTo("Card payments are failing")
                .jsonPath("$.statusPage.publicMessage").isEqualTo("Some card payments fail; we are rolling back a change.");
        send(HttpMethod.PUT, page + "/components/checkout", Api.WRITER, Map.of("status", "degraded-performance"))
                .expectStatus().isOk();
        send(HttpMethod.PUT, page + "/components/payments-api", STATUS_PAGE_ONLY, Map.of("status", "PARTIAL_OUTAGE"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.statusPage.components.checkout").isEqualTo("DEGRADED_PERFORMANCE")
                .jsonPath("$.statusPage.components.payments-api").isEqualTo("PARTIAL_OUTAGE");
        send(HttpMethod.POST, "/api/v1/incidents/" + id + "/customer-email", Api.WRITER, Map.of())
                .expectStatus().isOk().expectBody().jsonPath("$.statusPage.customerEmailSentAt").isNotEmpty();
        // sent again, with its own wording: each sending is an event
        send(HttpMethod.POST, "/api/v1/incidents/" + id + "/customer-email", STATUS_PAGE_ONLY,
                Map.of("subject", "Card payments restored", "message", "Payments work again."))
                .expectStatus().isOk();
        send(HttpMethod.POST, page + "/hide", Api.WRITER, Map.of("reason", "Wrong component, republishing"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.statusPage.published").isEqualTo(false)
                .jsonPath("$.statusPage.hidden").isEqualTo(true)
                .jsonPath("$.statusPage.publicTitle").isEqualTo("Card payments are failing");
        send(HttpMethod.POST, page + "/hide", Api.WRITER, Map.of()).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.rule").isEqualTo("status-page-already-hidden");
        // the list shows it too
        Api.get(client, "/api/v1/incidents?size=20").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')].statusPage.hidden").isEqualTo(List.of(true));

        try (TopicReader topic = new TopicReader(broker.getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.eventsOf(id).size() >= 8);
            List<SpecificRecord> published = topic.eventsOf(id);
            StatusPagePublished publication = only(published, StatusPagePublished.class);
            assertThat(publication.getPublicTitle()).isEqualTo("Card payments are failing");
            assertThat(publication.getPublicMessage()).isNull();
            assertThat(actorOf(publication.getHeader())).isEqualTo("only-" + Scopes.STATUSPAGE_WRITE);
            PublicWordingEdited wording = only(published, PublicWordingEdited.class);
            assertThat(wording.getPublicTitle()).isNull();
            assertThat(actorOf(wording.getHeader())).isEqualTo(TestTokens.WRITER_ID);
            assertThat(published).filteredOn(ComponentStatusSet.class::isInstance).map(ComponentStatusSet.class::cast)
                    .extracting(ComponentStatusSet::getComponent, ComponentStatusSet::getStatus)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("checkout",
                                    ComponentStatus.DEGRADED_PERFORMANCE),
                            org.assertj.core.groups.Tuple.tuple("payments-api", ComponentStatus.PARTIAL_OUTAGE));
            assertThat(published).filteredOn(CustomerEmailSent.class::isInstance).map(CustomerEmailSent.class::cast)
                    .extracting(CustomerEmailSent::getSubject, email -> actorOf(email.getHeader()))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(null, TestTokens.WRITER_ID),
                            org.assertj.core.groups.Tuple.tuple("Card payments restored",
                                    "only-" + Scopes.STATUSPAGE_WRITE));
            StatusPageHidden hidden = only(published, StatusPageHidden.class);
            assertThat(hidden.getReason()).isEqualTo("Wrong component, republishing");
            assertThat(actorOf(hidden.getHeader())).isEqualTo(TestTokens.WRITER_ID);
        }
    }

    @Test
    void refusalsNameTheRuleOrTheFieldAndChangeNothing() {
        String id = (String) Api.declare(client, Map.of("title", "Refund batch stuck", "severity", "MINOR"))
                .get("id");
        String page = "/api/v1/incidents/" + id + "/status-page";
        long version = version(id);

        expectRule(send(HttpMethod.POST, "/api/v1/incidents/" + id + "/customer-email", Api.WRITER, Map.of()),
                "customer-email-major-or-critical");
        expectField(send(HttpMethod.POST, page + "/publish", Api.WRITER, Map.of("publicTitle", " refund BATCH  stuck")),
                "publicTitle").jsonPath("$.detail").isEqualTo("the public title must not be the internal title");
        expectField(send(HttpMethod.PUT, page + "/wording", Api.WRITER,
                Map.of("publicMessage", "Write to jane.doe@example.com for a refund")), "publicMessage");
        expectField(send(HttpMethod.PUT, page + "/wording", Api.WRITER,
                Map.of("publicTitle", "Call +44 20 7946 0958 for refunds")), "publicTitle");
        expectField(send(HttpMethod.PUT, page + "/wording", Api.WRITER,
                Map.of("publicMessage", "token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789")), "publicMessage");
        expectField(send(HttpMethod.PUT, page + "/wording", Api.WRITER, Map.of("publicTitle", "x".repeat(201))),
                "publicTitle");
        expectField(send(HttpMethod.PUT, page + "/wording", Api.WRITER, Map.of("publicMessage", "x".repeat(5_001))),
                "publicMessage");
        expectField(send(HttpMethod.PUT, page + "/wording", Api.WRITER, Map.of()), "publicTitle");
        expectField(send(HttpMethod.PUT, page + "/components/Checkout!", Api.WRITER, Map.of("status", "MAJOR_OUTAGE")),
                "component");
        send(HttpMethod.PUT, page + "/components/checkout", Api.WRITER, Map.of("status", "on-fire"))
                .expectStatus().isEqualTo(400).expectBody().jsonPath("$.field").isEqualTo("status");
        // reading is not writing
        send(HttpMethod.POST, page + "/publish", Api.READER, Map.of()).expectStatus().isEqualTo(403);
        send(HttpMethod.POST, "/api/v1/incidents/" + id + "/customer-email", TestTokens.only(Scopes.PAGING_WRITE),
                Map.of()).expectStatus().isEqualTo(403);
        // statuspage:write grants the comms owner's controls, not the rest of the incident
        send(HttpMethod.POST, "/api/v1/incidents/" + id + "/notes", STATUS_PAGE_ONLY,
                Map.of("kind", "NOTE", "text", "hi")).expectStatus().isEqualTo(403);
        // an internal update has no "what you can do"
        expectField(send(HttpMethod.POST, "/api/v1/incidents/" + id + "/updates", Api.WRITER,
                Map.of("audience", "INTERNAL", "whatIsHappening", "Stuck", "whatYouCanDo", "Wait")), "whatYouCanDo");
        assertThat(version(id)).as("no refused command changed the incident").isEqualTo(version);

        String drill = (String) Api.declare(client, Map.of("title", "Game day: refunds", "severity", "CRITICAL",
                "drill", true)).get("id");
        expectRule(send(HttpMethod.POST, "/api/v1/incidents/" + drill + "/status-page/publish", Api.WRITER,
                Map.of("publicTitle", "Refunds delayed")), "drill-never-public");
        expectRule(send(HttpMethod.POST, "/api/v1/incidents/" + drill + "/customer-email", Api.WRITER, Map.of()),
                "drill-never-public");

        Api.post(client, "/api/v1/incidents/" + id + "/resolve", Map.of("resolution", "Batch restarted"))
                .expectStatus().isOk();
        Api.post(client, "/api/v1/incidents/" + id + "/close", Map.of()).expectStatus().isOk();
        expectRule(send(HttpMethod.POST, page + "/publish", Api.WRITER, Map.of()), "incident-closed");
    }

    @Test
    void aCustomerUpdateSaysWhatCustomersCanDo() {
        String id = (String) Api.declare(client, Map.of("title", "Card payments fail", "severity", "CRITICAL"))
                .get("id");
        Api.post(client, "/api/v1/incidents/" + id + "/updates", Map.of("audience", "CUSTOMER",
                        "whatIsHappening", "Some card payments fail", "whoIsAffected", "Customers paying by card",
                        "whatWeAreDoing", "Rolling back", "whatYouCanDo", "Pay by bank transfer meanwhile"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.latestUpdate.whatYouCanDo").isEqualTo("Pay by bank transfer meanwhile");
        expectField(Api.post(client, "/api/v1/incidents/" + id + "/updates", Map.of("audience", "CUSTOMER",
                "whatIsHappening", "Some card payments fail", "whoIsAffected", "Customers paying by card",
                "whatWeAreDoing", "Rolling back", "whatYouCanDo", "Mail ops.lead@example.com")), "whatYouCanDo");
        try (TopicReader topic = new TopicReader(broker.getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.eventsOf(id).size() >= 2);
            assertThat(only(topic.eventsOf(id), UpdatePosted.class).getWhatYouCanDo())
                    .isEqualTo("Pay by bank transfer meanwhile");
        }
    }

    private WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, Object body) {
        return client.method(method).uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private long version(String id) {
        return ((Number) Api.get(client, "/api/v1/incidents/" + id).expectBody(Map.class).returnResult()
                .getResponseBody().get("version")).longValue();
    }

    private static void expectRule(WebTestClient.ResponseSpec response, String rule) {
        response.expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo(rule);
    }

    private static WebTestClient.BodyContentSpec expectField(WebTestClient.ResponseSpec response, String field) {
        return response.expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field);
    }

    private static <T> T only(List<SpecificRecord> events, Class<T> type) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static String actorOf(EventHeader header) {
        return header.getActor().getId();
    }
}
