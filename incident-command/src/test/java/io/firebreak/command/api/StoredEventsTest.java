package io.firebreak.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.command.api.Events.IncidentDeclared;
import io.firebreak.command.api.Events.RoleAssigned;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Events stored before schema releases 7 and 8 (the JSON Axon wrote then) still load: the aggregate and the projections
 * read them as an ENGINEERING incident, no drill, nothing suspected, an investigation owner that replaced, an update
 * without a workaround.
 */
class StoredEventsTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aDeclarationStoredBeforeRelease7IsAnEngineeringIncidentWithNothingSuspected() {
        IncidentDeclared declared = read("""
                {"incidentId":"0b6f7a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b","reference":"INC-3","title":"Checkout fails",
                 "summary":"","severity":"MAJOR","reportedSeverity":"SEV2","status":"INVESTIGATING",
                 "customerImpact":true,"affectedServices":["checkout"],"source":"API","sourceKey":null,
                 "detectedAt":null,"channelName":"inc-2026-11-20-checkout-fails"}""", IncidentDeclared.class);

        assertThat(declared.incidentType()).isEqualTo(IncidentType.ENGINEERING);
        assertThat(declared.drill()).isFalse();
        assertThat(declared.suspectedExposure()).isEmpty();
        assertThat(declared.reference()).isEqualTo("INC-3");
    }

    @Test
    void aRoleAssignedBeforeRelease7Replaced() {
        RoleAssigned assigned = read("""
                {"incidentId":"0b6f7a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b","role":"INVESTIGATION_OWNER",
                 "assignee":{"id":"u-ana","name":"Ana","email":null,"slackUserId":null},"previous":null}""",
                RoleAssigned.class);

        assertThat(assigned.joining()).isFalse();
        assertThat(assigned.assignee().id()).isEqualTo("u-ana");
    }

    @Test
    void anUpdateStoredBeforeRelease8HasNoWorkaround() {
        Events.UpdatePosted update = read("""
                {"incidentId":"0b6f7a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b","updateId":"u1","audience":"CUSTOMER",
                 "whatIsHappening":"Checkout fails","whoIsAffected":"Card payers","whatWeAreDoing":"Rolling back",
                 "nextUpdateAt":"2026-11-20T10:30:00Z"}""", Events.UpdatePosted.class);

        assertThat(update.whatYouCanDo()).isNull();
        assertThat(update.whoIsAffected()).isEqualTo("Card payers");
    }

    private <T> T read(String json, Class<T> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(json, String.class, type.getName(), null));
    }
}
