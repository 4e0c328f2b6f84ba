package io.firebreak.statuspage.subscribers.messaging;

import io.firebreak.schemas.catalog.Topics;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.CustomerEmailSent;
import io.firebreak.schemas.incident.EventHeader;
import io.firebreak.schemas.incident.UpdatePosted;
import io.firebreak.statuspage.domain.PublicText;
import io.firebreak.statuspage.subscribers.storage.Notices;
import io.firebreak.support.kafka.BatchApplier;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the subscribers need from {@value Topics#INCIDENT_EVENTS}, in its own consumer group so the page's
 * projection is untouched: the comms owner's customer e-mail (CustomerEmailSent: queued once per event id, sent to
 * the incident's e-mail subscribers) and the "what you can do" of customer updates (for the e-mail's draft). Text
 * passes the page's safety net: with a secret it is withheld (the draft goes instead), personal data is redacted.
 * Incident changes themselves are not consumed here: they reach subscribers through the page's stored entries.
 */
@Component
public class SubscriberEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SubscriberEventsListener.class);

    private final Notices notices;
    private final BatchApplier batches;

    public SubscriberEventsListener(Notices notices, PlatformTransactionManager transactionManager) {
        this.notices = notices;
        this.batches = new BatchApplier(transactionManager);
    }

    @KafkaListener(id = "statuspage-subscribers", topics = Topics.INCIDENT_EVENTS, groupId = "statuspage-subscribers",
            batch = "true")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        batches.apply(records, event -> {
            if (event instanceof CustomerEmailSent sent) {
                on(sent);
            } else if (event instanceof UpdatePosted update) {
                on(update);
            }
        });
    }

    void on(CustomerEmailSent event) {
        EventHeader h = event.getHeader();
        String subject = screened(h, "subject", event.getSubject());
        String message = screened(h, "message", event.getMessage());
        notices.requestCustomerEmail(h.getEventId(), h.getIncidentId(), subject, message);
        log.info("subscribers.customer_email_requested incident={} event={} draft={}", h.getIncidentId(),
                h.getEventId(), subject == null || message == null);
    }

    void on(UpdatePosted event) {
        if (event.getAudience() != Audience.CUSTOMER || event.getWhatYouCanDo() == null
                || event.getWhatYouCanDo().isBlank()) {
            return;
        }
        String text = screened(event.getHeader(), "whatYouCanDo", event.getWhatYouCanDo());
        if (text != null) {
            notices.recordWorkaround(event.getHeader().getIncidentId(), text, event.getHeader().getSequence());
        }
    }

    private static String screened(EventHeader h, String field, String text) {
        PublicText.Screened screened = PublicText.screen(text);
        if (screened.withheld()) {
            log.warn("security.public_text_withheld incident={} event={} field={} kind={}", h.getIncidentId(),
                    h.getEventId(), field, screened.withheldFor().code());
        }
        return screened.publishable().filter(s -> !s.isBlank()).orElse(null);
    }
}
