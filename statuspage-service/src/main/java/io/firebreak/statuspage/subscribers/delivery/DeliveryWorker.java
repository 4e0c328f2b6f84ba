package io.firebreak.statuspage.subscribers.delivery;

import io.firebreak.schemas.sensitive.PersonalData;
import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.subscribers.storage.Channel;
import io.firebreak.statuspage.subscribers.storage.Deliveries;
import io.firebreak.statuspage.subscribers.storage.DueDelivery;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries: at most {@code perAddressLimit} messages to one subscriber per {@code throttleWindow} (the
 * rest wait for the window to move, without counting an attempt), failures retried with doubling back-off up to
 * {@code maxAttempts}, then given up. A round's e-mails go over one SMTP connection (a connection per message held
 * a fan-out to ~20 a second). Subscribers are logged by id, never by address.
 */
final class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final EmailSender email;
    private final WebhookSender webhooks;
    private final Clock clock;
    private final StatusPageProperties.Subscribers settings;

    DeliveryWorker(Deliveries deliveries, EmailSender email, WebhookSender webhooks, Clock clock,
            StatusPageProperties.Subscribers settings) {
        this.deliveries = deliveries;
        this.email = email;
        this.webhooks = webhooks;
        this.clock = clock;
        this.settings = settings;
    }

    /** One round; returns how many deliveries it claimed. */
    int round() {
        return deliveries.round(clock.instant(), settings.getDeliveryBatch(), this::send);
    }

    private void send(List<DueDelivery> due) {
        List<DueDelivery> mail = new ArrayList<>();
        Map<String, Integer> mailedInRound = new HashMap<>();
        for (DueDelivery delivery : due) {
            Instant now = clock.instant();
            if (delivery.channel() == Channel.EMAIL && !email.ready()) {
                deliveries.postpone(delivery, now.plus(Duration.ofMinutes(1))); // no SMTP server yet: wait, not lost
                continue;
            }
            // the e-mails of this round are sent together after the loop: count them against the pace already
            Deliveries.Window window = deliveries.sentSince(delivery.subscriberId(),
                    now.minus(settings.getThrottleWindow()));
            int queued = mailedInRound.getOrDefault(delivery.subscriberId(), 0);
            if (window.sent() + queued >= settings.getPerAddressLimit()) {
                Instant oldest = window.oldest() == null ? now : window.oldest();
                deliveries.postpone(delivery, oldest.plus(settings.getThrottleWindow()).plusMillis(1));
                continue;
            }
            if (delivery.channel() == Channel.EMAIL) {
                mail.add(delivery);
                mailedInRound.merge(delivery.subscriberId(), 1, Integer::sum);
                continue;
            }
            try {
                webhooks.send(delivery);
                deliveries.sent(delivery, clock.instant());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failed(delivery, e);
            }
        }
        if (!mail.isEmpty()) {
            Map<Integer, MessagingException> failures = email.sendAll(mail);
            Instant sentAt = clock.instant();
            for (int i = 0; i < mail.size(); i++) {
                MessagingException failure = failures.get(i);
                if (failure == null) {
                    deliveries.sent(mail.get(i), sentAt);
                } else {
                    failed(mail.get(i), failure);
                }
            }
        }
    }

    private void failed(DueDelivery delivery, Exception e) {
        boolean giveUp = delivery.attempts() + 1 >= settings.getMaxAttempts();
        // an address in a mail exception's message is personal data: redacted before it is logged or stored
        String error = PersonalData.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
        log.warn("subscribers.delivery_failed notice={} subscriber={} channel={} attempt={} giveUp={} error={}",
                delivery.noticeId(), delivery.subscriberId(), delivery.channel(), delivery.attempts() + 1, giveUp,
                error);
        deliveries.failed(delivery, clock.instant(), backoff(delivery.attempts()), giveUp, error);
    }

    private Duration backoff(int attemptsBefore) {
        Duration backoff = settings.getRetryBackoff().multipliedBy(1L << Math.min(attemptsBefore, 20));
        return backoff.compareTo(settings.getMaxRetryBackoff()) > 0 ? settings.getMaxRetryBackoff() : backoff;
    }
}
