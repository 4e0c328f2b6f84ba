package io.firebreak.statuspage.subscribers.delivery;

import io.firebreak.schemas.sensitive.PersonalData;
import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.subscribers.storage.Channel;
import io.firebreak.statuspage.subscribers.storage.Deliveries;
import io.firebreak.statuspage.subscribers.storage.DueDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries: at most {@code perAddressLimit} messages to one subscriber per {@code throttleWindow} (the
 * rest wait for the window to move, without counting an attempt), failures retried with doubling back-off up to
 * {@code maxAttempts}, then given up. Subscribers are logged by id, never by address.
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
        for (DueDelivery delivery : due) {
            Instant now = clock.instant();
            if (delivery.channel() == Channel.EMAIL && !email.ready()) {
                deliveries.postpone(delivery, now.plus(Duration.ofMinutes(1))); // no SMTP server yet: wait, not lost
                continue;
            }
            Deliveries.Window window = deliveries.sentSince(delivery.subscriberId(),
                    now.minus(settings.getThrottleWindow()));
            if (window.sent() >= settings.getPerAddressLimit()) {
                deliveries.postpone(delivery, window.oldest().plus(settings.getThrottleWindow()).plusMillis(1));
                continue;
            }
            try {
                (delivery.channel() == Channel.EMAIL ? email : webhooks).send(delivery);
                deliveries.sent(delivery, clock.instant());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                boolean giveUp = delivery.attempts() + 1 >= settings.getMaxAttempts();
                // an address in a mail exception's message is personal data: redacted before it is logged or stored
                String error = PersonalData.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
                log.warn("subscribers.delivery_failed notice={} subscriber={} channel={} attempt={} giveUp={} error={}",
                        delivery.noticeId(), delivery.subscriberId(), delivery.channel(), delivery.attempts() + 1,
                        giveUp, error);
                deliveries.failed(delivery, clock.instant(), backoff(delivery.attempts()), giveUp, error);
            }
        }
    }

    private Duration backoff(int attemptsBefore) {
        Duration backoff = settings.getRetryBackoff().multipliedBy(1L << Math.min(attemptsBefore, 20));
        return backoff.compareTo(settings.getMaxRetryBackoff()) > 0 ? settings.getMaxRetryBackoff() : backoff;
    }
}
