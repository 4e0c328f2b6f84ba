package io.firebreak.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.command.application.CommandLanes;
import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.command.support.TopicReader;
import io.firebreak.schemas.catalog.IncidentEvents;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.command.AddNoteRequest;
import io.firebreak.schemas.command.AssignRoleRequest;
import io.firebreak.schemas.command.AttachVideoBridgeRequest;
import io.firebreak.schemas.command.IdentifyCauseRequest;
import io.firebreak.schemas.command.RecordContainmentStepRequest;
import io.firebreak.schemas.command.ChangeStatusRequest;
import io.firebreak.command.support.DebriefEvents;
import io.firebreak.schemas.command.CloseIncidentRequest;
import io.firebreak.schemas.command.CommandOutcome;
import io.firebreak.schemas.command.DeclareIncidentRequest;
import io.firebreak.schemas.command.IncidentCommandHandled;
import io.firebreak.schemas.command.IncidentCommandRequested;
import io.firebreak.schemas.command.PostUpdateRequest;
import io.firebreak.schemas.command.ResolveIncidentRequest;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.CauseIdentified;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.ContainmentStepRecorded;
import io.firebreak.schemas.incident.ExposureKind;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.RoleAssigned;
import io.firebreak.schemas.incident.VideoBridgeAttached;
import io.firebreak.schemas.incident.IncidentDeclared;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentSource;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.incident.Person;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.schemas.incident.TimelineNoteAdded;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import io.firebreak.support.kafka.ConsumerPipelineConfiguration;
import io.firebreak.support.kafka.DeadLetters;
import io.firebreak.support.testing.SecretSamples;
import io.firebreak.support.tracing.TraceParents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * Commands asked for in Slack, as notification-service publishes them on {@value Topics#INCIDENT_COMMANDS}: applied
 * by the HTTP API's rules with the Slack person as the actor, at most once per command id, and answered on
 * {@value Topics#INCIDENT_COMMAND_RESULTS}; wrong requests are answered REJECTED, never dead-lettered.
 */
@IncidentCommandIntegrationTest
class IncidentCommandsIT {

    private static final Actor ANA = new Actor("U0ANA", "Ana (Slack)", ActorKind.HUMAN);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient client;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    CommandLanes lanes;

    static TopicReader answers;
    static TopicReader events;
    static TopicReader deadLettered;
    static KafkaProducer<String, SpecificRecord> producer;

    @BeforeAll
    static void connect(@Autowired EmbeddedKafkaBroker broker) {
        answers = new TopicReader(broker.getBrokersAsString(), Topics.INCIDENT_COMMAND_RESULTS);
        events = new TopicReader(broker.getBrokersAsString());
        deadLettered = new TopicReader(broker.getBrokersAsString(),
                ConsumerPipelineConfiguration.deadLetterTopic(Topics.INCIDENT_COMMANDS, "incident-command"));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, FirebreakEventSerializer.class));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        answers.close();
        events.close();
        deadLettered.close();
    }

    @Test
    void declarationCreatesTheIncidentWithTheGivenIdAsTheSlackPerson() {
        String id = UUID.randomUUID().toString();
        IncidentCommandHandled answer = ask(id, DeclareIncidentRequest.newBuilder().setTitle("Search is slow")
                .setSeverity("sev2").setSummary("p99 at 4 s").setCustomerImpact(true)
                .setAffectedServices(List.of("search"))
                .setIncidentLead(new Person("U0BEN", "Ben", null, "U0BEN")).build());

        assertThat(answer.getOutcome()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(answer.getIncidentId()).isEqualTo(id);
        assertThat(answer.getReference()).matches("INC-\\d+");
        assertThat(answer.getProblemTitle()).isNull();
        client.get().uri("/api/v1/incidents/" + id).headers(h -> h.setBearerAuth(Api.READER)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.reference").isEqualTo(answer.getReference())
                .jsonPath("$.severity").isEqualTo("MAJOR")
                .jsonPath("$.reportedSeverity").isEqualTo("sev2")
                .jsonPath("$.source").isEqualTo("SLACK");

        List<SpecificRecord> published = awaitEvents(id, 2);
        IncidentDeclared declared = (IncidentDeclared) published.get(0);
        assertThat(declared.getSource()).isEqualTo(IncidentSource.SLACK);
        assertThat(declared.getSeverity()).isEqualTo(Severity.MAJOR);
        assertThat(published).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("IncidentDeclared", "RoleAssigned");
        assertThat(published).allSatisfy(e -> assertThat(IncidentEvents.header(e).getActor()).isEqualTo(ANA));
    }

    @Test
    void everyChangeThroughTheTopicIsAppliedAsThePersonWhoAsked() {
        String id = declared("Payments time out", "MAJOR");
        List<Object> changes = List.of(
                PostUpdateRequest.newBuilder().setAudience(Audience.INTERNAL)
                        .setWhatIsHappening("Payments time out").setWhatWeAreDoing("Failing over").build(),
                new AddNoteRequest(NoteKind.DECISION, "Fail over to the second region"),
                new AssignRoleRequest(IncidentRole.COMMS_OWNER, new Person("U0CAT", "Cat", null, "U0CAT"), false),
                new ChangeStatusRequest(IncidentStatus.MONITORING, "Failover done"),
                new ResolveIncidentRequest("Failed over", null));
        for (Object change : changes) {
            IncidentCommandHandled answer = ask(id, change);
            assertThat(answer.getOutcome()).as(change.getClass().getSimpleName() + ": " + answer.getProblemDetail())
                    .isEqualTo(CommandOutcome.APPLIED);
        }
        // a Major closes from Slack too only once its debrief is completed
        IncidentCommandHandled early = ask(id, new CloseIncidentRequest(null));
        assertThat(early.getOutcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(early.getField()).isEqualTo("debrief");
        DebriefEvents.complete(broker.getBrokersAsString(), id, early.getReference(),
                io.firebreak.schemas.incident.Severity.MAJOR, "https://docs.example/debriefs/7", 1);
        await().atMost(WAIT).until(() -> ask(id, new CloseIncidentRequest(null)).getOutcome() == CommandOutcome.APPLIED);

        List<SpecificRecord> published = awaitEvents(id, 7);
        assertThat(published).extracting(e -> e.getClass().getSimpleName()).containsExactly("IncidentDeclared",
                "UpdatePosted", "TimelineNoteAdded", "RoleAssigned", "StatusChanged", "IncidentResolved",
                "IncidentClosed");
        assertThat(published).allSatisfy(e -> assertThat(IncidentEvents.header(e).getActor()).isEqualTo(ANA));
    }

    @Test
    void aRedeliveredRequestIsAppliedOnceAndAnsweredTwiceIdentically() {
        String id = declared("Login loops", "MINOR");
        IncidentCommandRequested note = request(UUID.randomUUID().toString(), id,
                new AddNoteRequest(NoteKind.EVIDENCE, "Cookies are dropped by the proxy"));
        producer.send(new ProducerRecord<>(Topics.INCIDENT_COMMANDS, id, note));
        producer.send(new ProducerRecord<>(Topics.INCIDENT_COMMANDS, id, note));
        producer.flush();

        await().atMost(WAIT).until(() -> answersTo(note.getCommandId()).size() == 2);
        List<IncidentCommandHandled> both = answersTo(note.getCommandId());
        assertThat(both.get(0)).isEqualTo(both.get(1));
        assertThat(both.get(0).getOutcome()).isEqualTo(CommandOutcome.APPLIED);

        // a later request on the same incident is applied after both: nothing from the duplicate can still come
        assertThat(ask(id, new AddNoteRequest(NoteKind.NOTE, "Proxy config rolled back")).getOutcome())
                .isEqualTo(CommandOutcome.APPLIED);
        List<SpecificRecord> published = awaitNote(id, "Proxy config rolled back");
        assertThat(published).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("IncidentDeclared", "TimelineNoteAdded", "TimelineNoteAdded");
        assertThat(((TimelineNoteAdded) published.get(1)).getText()).isEqualTo("Cookies are dropped by the proxy");
    }

    @Test
    void invalidRequestsAreRejectedInTheHttpApisWordsAndNothingIsApplied() {
        long deadBefore = deadLetters.count();
        String id = declared("Emails are late", "MINOR");

        String unknownSeverityId = UUID.randomUUID().toString();
        IncidentCommandHandled unknownSeverity = ask(unknownSeverityId, DeclareIncidentRequest.newBuilder()
                .setTitle("Queue backlog").setSeverity("SEV9").build());
        assertRejected(unknownSeverity, "Bad Request", "severity",
                "'severity' must be one of MINOR, MAJOR, CRITICAL, LOW, MEDIUM, HIGH, SEV1-SEV4, P0-P3");
        assertThat(unknownSeverity.getReference()).isNull();
        client.get().uri("/api/v1/incidents/" + unknownSeverityId).headers(h -> h.setBearerAuth(Api.READER))
                .exchange().expectStatus().isNotFound();
        Api.post(client, "/api/v1/incidents", Map.of("title", "Queue backlog", "severity", "SEV9"))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.title").isEqualTo(unknownSeverity.getProblemTitle())
                .jsonPath("$.detail").isEqualTo(unknownSeverity.getProblemDetail())
                .jsonPath("$.field").isEqualTo("severity");

        String secret = SecretSamples.all().get("github_token");
        IncidentCommandHandled secretNote = ask(id, new AddNoteRequest(NoteKind.NOTE, secret));
        assertRejected(secretNote, "Unprocessable Entity", "text", null);
        assertThat(secretNote.getProblemDetail()).doesNotContain("ghp_");
        assertThat(secretNote.getReference()).isNotNull();
        Api.post(client, "/api/v1/incidents/" + id + "/notes", Map.of("kind", "NOTE", "text", secret))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.title").isEqualTo(secretNote.getProblemTitle())
                .jsonPath("$.detail").isEqualTo(secretNote.getProblemDetail())
                .jsonPath("$.field").isEqualTo("text");

        assertRejected(ask(id, new ChangeStatusRequest(IncidentStatus.INVESTIGATING, null)), "Conflict", "status",
                "The incident is already INVESTIGATING");

        String nowhere = UUID.randomUUID().toString();
        IncidentCommandHandled unknownIncident = ask(nowhere, new AddNoteRequest(NoteKind.NOTE, "Anyone?"));
        assertRejected(unknownIncident, "Not Found", null, "No incident " + nowhere);

        // a redelivered rejection is the same rejection, still not applied
        IncidentCommandRequested again = request(UUID.randomUUID().toString(), id,
                new ChangeStatusRequest(IncidentStatus.INVESTIGATING, null));
        producer.send(new ProducerRecord<>(Topics.INCIDENT_COMMANDS, id, again));
        producer.send(new ProducerRecord<>(Topics.INCIDENT_COMMANDS, id, again));
        producer.flush();
        await().atMost(WAIT).until(() -> answersTo(again.getCommandId()).size() == 2);
        assertThat(answersTo(again.getCommandId()).get(0)).isEqualTo(answersTo(again.getCommandId()).get(1));

        // applied afterwards, so every earlier request on this incident has been handled
        assertThat(ask(id, new AddNoteRequest(NoteKind.NOTE, "Still only the declaration before me")).getOutcome())
                .isEqualTo(CommandOutcome.APPLIED);
        assertThat(awaitNote(id, "Still only the declaration before me")).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("IncidentDeclared", "TimelineNoteAdded");
        assertThat(deadLetters.count()).isEqualTo(deadBefore);
        assertThat(deadLettered.poll()).isEmpty();
    }

    @Test
    void aRequestThatCannotRunNowIsRetriedNotRejected() {
        long deadBefore = deadLetters.count();
        String id = declared("Uploads stall", "MINOR");
        // the incident's lane held (as by a burst of HTTP commands): every attempt is refused with CommandsBusy
        Sinks.Empty<Void> release = Sinks.empty();
        Disposable holder = lanes.run(id, release::asMono).subscribe();
        try {
            IncidentCommandRequested note = request(UUID.randomUUID().toString(), id,
                    new AddNoteRequest(NoteKind.NOTE, "Waited for its turn"));
            producer.send(new ProducerRecord<>(Topics.INCIDENT_COMMANDS, id, note));
            producer.flush();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> answersTo(note.getCommandId()).isEmpty());

            release.tryEmitEmpty();
            await().atMost(WAIT).until(() -> !answersTo(note.getCommandId()).isEmpty());
            assertThat(answersTo(note.getCommandId()).get(0).getOutcome()).isEqualTo(CommandOutcome.APPLIED);
        } finally {
            release.tryEmitEmpty();
            holder.dispose();
        }
        assertThat(awaitNote(id, "Waited for its turn")).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("IncidentDeclared", "TimelineNoteAdded");
        assertThat(deadLetters.count()).isEqualTo(deadBefore);
    }

    @Test
    void aSlackDeclarationAlikeAnOpenIncidentIsRejectedWithTheCandidatesInTheDetail() {
        String service = "payments-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        IncidentCommandHandled declared = ask(first, DeclareIncidentRequest.newBuilder().setTitle("Payments time out")
                .setSeverity("MAJOR").setAffectedServices(List.of(service)).build());
        assertThat(declared.getOutcome()).isEqualTo(CommandOutcome.APPLIED);

        String second = UUID.randomUUID().toString();
        IncidentCommandHandled answer = ask(second, DeclareIncidentRequest.newBuilder()
                .setTitle("payments timing out").setSeverity("sev2").setAffectedServices(List.of(service)).build());
        // "payments timing out" shares 2 of 4 words with "Payments time out": alike
        assertRejected(answer, "Conflict", "title", null);
        assertThat(answer.getProblemDetail()).contains(declared.getReference() + " \"Payments time out\" (MAJOR,"
                + " INVESTIGATING)").contains("\"force\": true");
        assertThat(answer.getReference()).isNull();
        client.get().uri("/api/v1/incidents/" + second).headers(h -> h.setBearerAuth(Api.READER)).exchange()
                .expectStatus().isNotFound();

        // other words on the same service go through
        assertThat(ask(UUID.randomUUID().toString(), DeclareIncidentRequest.newBuilder().setTitle("Refund emails missing")
                .setSeverity("MINOR").setAffectedServices(List.of(service)).build()).getOutcome())
                .isEqualTo(CommandOutcome.APPLIED);
        // and the person who saw the warning may declare anyway
        assertThat(ask(UUID.randomUUID().toString(), DeclareIncidentRequest.newBuilder().setTitle("payments timing out")
                .setSeverity("sev2").setAffectedServices(List.of(service)).setForce(true).build()).getOutcome())
                .isEqualTo(CommandOutcome.APPLIED);
    }

    @Test
    void aSlackDeclarationSuspectingKeysIsDeclaredACriticalSecurityIncidentWithItsBridge() {
        String id = UUID.randomUUID().toString();
        IncidentCommandHandled answer = ask(id, DeclareIncidentRequest.newBuilder().setTitle("Deploy key in a gist")
                .setSeverity("minor").setIncidentType(IncidentType.VENDOR).setDrill(true)
                .setSuspectedExposure(List.of(ExposureKind.KEYS)).setVideoBridgeUrl("https://meet.example.com/sec-1")
                .build());
        assertThat(answer.getOutcome()).as(answer.getProblemDetail()).isEqualTo(CommandOutcome.APPLIED);

        List<SpecificRecord> published = awaitEvents(id, 4);
        assertThat(published).extracting(e -> e.getClass().getSimpleName()).containsExactly("IncidentDeclared",
                "TimelineNoteAdded", "TimelineNoteAdded", "VideoBridgeAttached");
        IncidentDeclared declared = (IncidentDeclared) published.get(0);
        assertThat(declared.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(declared.getReportedSeverity()).isEqualTo("minor");
        assertThat(declared.getIncidentType()).isEqualTo(IncidentType.SECURITY);
        assertThat(declared.getDrill()).isTrue();
        assertThat(declared.getChannelName()).startsWith("drill-");
        assertThat(((TimelineNoteAdded) published.get(1)).getText()).startsWith("Declared CRITICAL instead of MINOR:"
                + " suspected exposure of keys.");
        assertThat(((VideoBridgeAttached) published.get(3)).getUrl()).isEqualTo("https://meet.example.com/sec-1");
        assertThat(published).allSatisfy(e -> assertThat(IncidentEvents.header(e).getActor()).isEqualTo(ANA));
    }

    @Test
    void containmentTheCauseABridgeAndAnotherInvestigatorAskedForInSlackAreAppliedByTheHttpApisRules() {
        String id = declared("Checkout 502s", "MAJOR");

        assertRejected(ask(id, new RecordContainmentStepRequest(ContainmentLever.DEPLOY_ROLLBACK,
                ContainmentOutcome.CONTAINED, "Rolled back")), "Conflict", "lever", "Containment levers are recorded in"
                + " order (FEATURE_FLAG_OFF, DEPLOY_ROLLBACK, MIGRATION_ROLLBACK, DATA_CORRECTION): record"
                + " FEATURE_FLAG_OFF before DEPLOY_ROLLBACK, or mark it NOT_APPLICABLE with a note saying why");
        assertRejected(ask(id, new RecordContainmentStepRequest(ContainmentLever.FEATURE_FLAG_OFF,
                ContainmentOutcome.NOT_APPLICABLE, "")), "Unprocessable Entity", "note", "'note' is required");
        IncidentCommandHandled applied = ask(id, new RecordContainmentStepRequest(ContainmentLever.FEATURE_FLAG_OFF,
                ContainmentOutcome.CONTAINED, "checkout-v2 off"));
        assertThat(applied.getOutcome()).as(applied.getProblemDetail()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(applied.getReference()).matches("INC-\\d+");
        assertThat(ask(id, new IdentifyCauseRequest("checkout-v2 leaks connections")).getOutcome())
                .isEqualTo(CommandOutcome.APPLIED);
        assertRejected(ask(id, new AttachVideoBridgeRequest("http://meet.example.com/x")), "Unprocessable Entity",
                "url", "'url' must be an absolute https URL");
        assertThat(ask(id, new AttachVideoBridgeRequest("https://meet.example.com/x")).getOutcome())
                .isEqualTo(CommandOutcome.APPLIED);
        assertThat(ask(id, new AssignRoleRequest(IncidentRole.INVESTIGATION_OWNER,
                new Person("U0BEN", "Ben", null, "U0BEN"), true)).getOutcome()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(ask(id, new AssignRoleRequest(IncidentRole.INVESTIGATION_OWNER,
                new Person("U0CAT", "Cat", null, "U0CAT"), true)).getOutcome()).isEqualTo(CommandOutcome.APPLIED);
        assertRejected(ask(id, new AssignRoleRequest(IncidentRole.COMMS_OWNER,
                new Person("U0BEN", "Ben", null, "U0BEN"), true)), "Unprocessable Entity", "role",
                "Only INVESTIGATION_OWNER can have several holders; COMMS_OWNER is assigned, replacing its holder");

        client.get().uri("/api/v1/incidents/" + id).headers(h -> h.setBearerAuth(Api.READER)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.containment[0].outcome").isEqualTo("CONTAINED")
                .jsonPath("$.containment[0].recordedBy.id").isEqualTo("U0ANA")
                .jsonPath("$.cause").isEqualTo("checkout-v2 leaks connections")
                .jsonPath("$.videoBridgeUrl").isEqualTo("https://meet.example.com/x")
                .jsonPath("$.investigators[*].id").isEqualTo(List.of("U0BEN", "U0CAT"));
        List<SpecificRecord> published = awaitEvents(id, 6);
        assertThat(published).extracting(e -> e.getClass().getSimpleName()).containsExactly("IncidentDeclared",
                "ContainmentStepRecorded", "CauseIdentified", "VideoBridgeAttached", "RoleAssigned", "RoleAssigned");
        assertThat(((ContainmentStepRecorded) published.get(1)).getNote()).isEqualTo("checkout-v2 off");
        assertThat(((CauseIdentified) published.get(2)).getCause()).isEqualTo("checkout-v2 leaks connections");
        assertThat(((RoleAssigned) published.get(5)).getJoining()).isTrue();
        assertThat(published).allSatisfy(e -> assertThat(IncidentEvents.header(e).getActor()).isEqualTo(ANA));
    }

    @Test
    void aSlackRoleAssignmentThatCombinesHatsOnAMajorIncidentIsRejected() {
        String id = declared("Ledger lagging", "MAJOR");
        assertThat(ask(id, new AssignRoleRequest(IncidentRole.INCIDENT_LEAD, new Person("U0BEN", "Ben", null, "U0BEN"), false))
                .getOutcome()).isEqualTo(CommandOutcome.APPLIED);
        IncidentCommandHandled answer = ask(id,
                new AssignRoleRequest(IncidentRole.COMMS_OWNER, new Person("U0BEN", "Ben", null, "U0BEN"), false));
        assertRejected(answer, "Conflict", "assignee", "On a MAJOR incident the incident lead, the comms owner and the"
                + " investigation owner are three people; Ben is already INCIDENT_LEAD");
    }

    /**
     * notification-service asks for a team's default lead four minutes into a Major incident without one: the request
     * comes from the system (actor SYSTEM, source API), and the lead is assigned with notification-service as actor.
     */
    @Test
    void aDefaultLeadAskedForByNotificationServiceIsAssignedWithItAsTheActor() {
        String id = declared("Payouts delayed", "MAJOR");
        Actor system = new Actor("notification-service", "Firebreak notification-service", ActorKind.SYSTEM);
        IncidentCommandRequested request = IncidentCommandRequested.newBuilder()
                .setCommandId(UUID.randomUUID().toString()).setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setActor(system).setSource(IncidentSource.API).setIncidentId(id)
                .setCommand(new AssignRoleRequest(IncidentRole.INCIDENT_LEAD,
                        new Person("dana", "Dana Default", "dana@example.com", null), false))
                .build();
        producer.send(new ProducerRecord<>(Topics.INCIDENT_COMMANDS, id, request));
        producer.flush();
        await().atMost(WAIT).until(() -> !answersTo(request.getCommandId()).isEmpty());
        assertThat(answersTo(request.getCommandId()).get(0).getOutcome()).isEqualTo(CommandOutcome.APPLIED);
        RoleAssigned lead = (RoleAssigned) awaitEvents(id, 2).get(1);
        assertThat(lead.getAssignee().getName()).isEqualTo("Dana Default");
        assertThat(IncidentEvents.header(lead).getActor()).isEqualTo(system);
    }

    /**
     * Issue 19: the trace of a declaration goes on past the event store. The request's {@code traceparent} is stored
     * with its events and sent as each record's header, same trace, the server span as parent.
     */
    @Test
    void anHttpDeclarationsTraceIsTheTraceOfItsRecordsOnTheIncidentTopic() {
        String traceId = hex(32);
        String caller = "00-" + traceId + "-" + hex(16) + "-01";
        @SuppressWarnings("unchecked")
        Map<String, Object> created = client.post().uri("/api/v1/incidents").headers(h -> {
            h.setBearerAuth(Api.WRITER);
            h.set(TraceParents.HEADER, caller);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Traced checkout errors",
                "severity", "MAJOR", "incidentLead", Map.of("id", "u-ana", "name", "Ana")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");

        awaitEvents(id, 2);
        List<ConsumerRecord<String, SpecificRecord>> records = events.poll().stream()
                .filter(r -> id.equals(r.key())).toList();
        assertThat(records).hasSizeGreaterThanOrEqualTo(2).allSatisfy(record -> {
            assertThat(traceParent(record)).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .isNotEqualTo(caller); // a child of the caller's span: the server's
        });
    }

    /** A command asked for on Kafka continues its record's trace into its events and its answer (the outbox). */
    @Test
    void aSlackCommandsTraceGoesOnToItsEventsAndItsAnswer() {
        String id = UUID.randomUUID().toString();
        String traceId = hex(32);
        IncidentCommandRequested request = request(UUID.randomUUID().toString(), id,
                DeclareIncidentRequest.newBuilder().setTitle("Traced search latency").setSeverity("MINOR").build());
        ProducerRecord<String, SpecificRecord> asked = new ProducerRecord<>(Topics.INCIDENT_COMMANDS, id, request);
        asked.headers().add(TraceParents.HEADER,
                ("00-" + traceId + "-" + hex(16) + "-01").getBytes(StandardCharsets.US_ASCII));
        producer.send(asked);
        producer.flush();

        await().atMost(WAIT).until(() -> !answersTo(request.getCommandId()).isEmpty());
        ConsumerRecord<String, SpecificRecord> answer = answers.poll().stream()
                .filter(r -> request.getCommandId().equals(r.key())).findFirst().orElseThrow();
        assertThat(traceParent(answer)).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        awaitEvents(id, 1);
        assertThat(events.poll().stream().filter(r -> id.equals(r.key())))
                .allSatisfy(record -> assertThat(traceParent(record)).startsWith("00-" + traceId + "-"));
    }

    private static String traceParent(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TraceParents.HEADER);
        assertThat(header).as("traceparent header of %s", record.value().getClass().getSimpleName()).isNotNull();
        return new String(header.value(), StandardCharsets.US_ASCII);
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (hex.length() < digits) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private static void assertRejected(IncidentCommandHandled answer, String title, String field, String detail) {
        assertThat(answer.getOutcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(answer.getProblemTitle()).isEqualTo(title);
        assertThat(answer.getField()).isEqualTo(field);
        if (detail != null) {
            assertThat(answer.getProblemDetail()).isEqualTo(detail);
        } else {
            assertThat(answer.getProblemDetail()).isNotBlank();
        }
    }

    private String declared(String title, String severity) {
        String id = UUID.randomUUID().toString();
        IncidentCommandHandled answer = ask(id, DeclareIncidentRequest.newBuilder().setTitle(title)
                .setSeverity(severity).build());
        assertThat(answer.getOutcome()).as(answer.getProblemDetail()).isEqualTo(CommandOutcome.APPLIED);
        return id;
    }

    /** Publishes one request as notification-service does and waits for its answer. */
    private static IncidentCommandHandled ask(String incidentId, Object command) {
        IncidentCommandRequested request = request(UUID.randomUUID().toString(), incidentId, command);
        producer.send(new ProducerRecord<>(Topics.INCIDENT_COMMANDS, incidentId, request));
        producer.flush();
        await().atMost(WAIT).until(() -> !answersTo(request.getCommandId()).isEmpty());
        return answersTo(request.getCommandId()).get(0);
    }

    private static IncidentCommandRequested request(String commandId, String incidentId, Object command) {
        return IncidentCommandRequested.newBuilder().setCommandId(commandId)
                .setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setActor(ANA)
                .setSource(IncidentSource.SLACK).setIncidentId(incidentId).setCommand(command).build();
    }

    private static List<IncidentCommandHandled> answersTo(String commandId) {
        return answers.poll().stream().filter(r -> commandId.equals(r.key())).map(ConsumerRecord::value)
                .map(IncidentCommandHandled.class::cast).toList();
    }

    /** Waits for at least {@code count} events of the incident. */
    private static List<SpecificRecord> awaitEvents(String incidentId, int count) {
        await().atMost(WAIT).until(() -> events.eventsOf(incidentId).size() >= count);
        return events.eventsOf(incidentId);
    }

    /**
     * The incident's events up to the note with {@code text}: a duplicate applied before it would be published before
     * it (one publisher, global order), so it would be among them.
     */
    private static List<SpecificRecord> awaitNote(String incidentId, String text) {
        await().atMost(WAIT).until(() -> events.eventsOf(incidentId).stream()
                .anyMatch(e -> e instanceof TimelineNoteAdded note && text.equals(note.getText())));
        return events.eventsOf(incidentId);
    }
}
