package io.firebreak.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Actor;
import io.firebreak.schemas.incident.ActorKind;
import io.firebreak.schemas.incident.AlertAttached;
import io.firebreak.schemas.incident.AlertStatus;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.serde.FirebreakEventSerializer;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SanitizingEventDeserializerTest {

    @Test
    void leavesNoNulInAnyStringHoweverNested() {
        AlertAttached event = new AlertAttached(new EventHeader("e-1", "i-1", 3L, Instant.parse("2026-11-25T10:00:00Z"),
                new Actor("u\u0000", "Ana\u0000Lead", ActorKind.HUMAN)), "alertmanager", "key\u0000", AlertStatus.FIRING,
                "disk\u0000full", Map.of("team\u0000", "sre\u0000"), Instant.parse("2026-11-25T09:59:00Z"), null,
                "http://grafana/\u0000");
        byte[] bytes = new FirebreakEventSerializer().serialize(Topics.INCIDENT_EVENTS, event);

        SpecificRecord decoded;
        try (SanitizingEventDeserializer deserializer = new SanitizingEventDeserializer()) {
            decoded = deserializer.deserialize(Topics.INCIDENT_EVENTS, bytes);
        }

        assertThat(decoded.toString()).doesNotContain("\u0000").contains("disk\uFFFDfull").contains("Ana\uFFFDLead");
        AlertAttached alert = (AlertAttached) decoded;
        assertThat(alert.getLabels()).containsEntry("team\uFFFD", "sre\uFFFD");
        assertThat(alert.getHeader().getSequence()).isEqualTo(3L);
    }
}
