package io.firebreak.statuspage.subscribers.delivery;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.subscribers.domain.SignedLinks;
import io.firebreak.statuspage.subscribers.storage.Deliveries;
import io.firebreak.statuspage.subscribers.storage.Notices;
import io.firebreak.statuspage.subscribers.storage.Subscribers;
import io.firebreak.support.mail.SmtpMailer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The subscriber workers, on their own threads while the application runs (never a Netty event loop): one fans new
 * incident entries and customer e-mails out into deliveries and deletes expired unconfirmed addresses; the others
 * send deliveries. A round that found a full batch is followed at once by another, so a fan-out to many
 * subscribers drains at the senders' pace rather than one batch per interval. Everything is in the database:
 * after a restart the workers pick up where they stopped.
 */
@Component
public class SubscriberWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriberWorkers.class);

    private final Notices notices;
    private final Subscribers subscribers;
    private final DeliveryWorker deliveries;
    private final Clock clock;
    private final StatusPageProperties.Subscribers settings;
    private volatile ThreadPoolTaskScheduler scheduler;

    public SubscriberWorkers(Notices notices, Subscribers subscribers, Deliveries deliveries, SmtpMailer mailer,
            SignedLinks links, Clock clock, StatusPageProperties properties) {
        this.notices = notices;
        this.subscribers = subscribers;
        this.clock = clock;
        this.settings = properties.getSubscribers();
        this.deliveries = new DeliveryWorker(deliveries, new EmailSender(mailer, links, properties.getUrl()),
                new WebhookSender(clock, settings.getWebhookTimeout()), clock, settings);
    }

    /** One fan-out round (also used by tests of the round itself); returns how many notices it handled. */
    public int fanOutRound() {
        subscribers.purgeUnconfirmed(clock.instant().minus(settings.getConfirmLinkTtl()));
        int made = notices.noticeNewUpdates();
        int fanned;
        int total = 0;
        do {
            fanned = notices.fanOut(20);
            total += fanned;
        } while (fanned == 20);
        return made + total;
    }

    @Override
    public void start() {
        ThreadPoolTaskScheduler threads = new ThreadPoolTaskScheduler();
        threads.setPoolSize(1 + settings.getDeliveryThreads());
        threads.setThreadNamePrefix("subscribers-");
        threads.initialize();
        threads.scheduleWithFixedDelay(() -> guarded("fan_out", this::fanOutRound), settings.getPollInterval());
        for (int i = 0; i < settings.getDeliveryThreads(); i++) {
            threads.scheduleWithFixedDelay(() -> guarded("delivery", () -> {
                while (deliveries.round() == settings.getDeliveryBatch() && scheduler != null) {
                    // a full batch: more are due, go on at once
                }
                return 0;
            }), settings.getPollInterval());
        }
        scheduler = threads;
    }

    private static void guarded(String what, java.util.function.IntSupplier round) {
        try {
            round.getAsInt();
        } catch (RuntimeException e) {
            log.warn("subscribers.round_failed worker={} error={}", what, e.toString());
        }
    }

    @Override
    public void stop() {
        ThreadPoolTaskScheduler threads = scheduler;
        scheduler = null;
        if (threads != null) {
            threads.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
