package io.firebreak.command.messaging;

import io.firebreak.command.readmodel.DebriefCompletions;
import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.debrief.DebriefCompleted;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@value Topics#DEBRIEF_EVENTS}: a {@link DebriefCompleted} opens the close of its incident (Major and
 * Critical close only after their debrief; see docs/process.md). Replaying the topic changes nothing.
 */
@Component
public class DebriefEventsListener {

    public static final String ID = "debrief-events";

    private static final Logger log = LoggerFactory.getLogger(DebriefEventsListener.class);

    private final DebriefCompletions completions;

    public DebriefEventsListener(DebriefCompletions completions) {
        this.completions = completions;
    }

    @KafkaListener(id = ID, topics = Topics.DEBRIEF_EVENTS, groupId = "incident-command")
    void on(SpecificRecord record) {
        if (!(record instanceof DebriefCompleted completed)) {
            log.debug("debrief_event.ignored type={}", record.getSchema().getFullName());
            return;
        }
        boolean first = completions.record(completed.getIncidentId(), completed.getEventId(), completed.getReference(),
                completed.getDebriefUrl(), completed.getCompletedAt());
        log.info("debrief.completed incident={} reference={} first={}", completed.getIncidentId(),
                completed.getReference(), first);
    }
}
