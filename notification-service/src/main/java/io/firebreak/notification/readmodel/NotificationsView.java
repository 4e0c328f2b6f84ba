package io.firebreak.notification.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * Everything this service sent (or is about to send) for an incident: Slack messages, page deliveries and the
 * deliveries of people's notification rules, each with its delivery state. Field names are the API's JSON names.
 */
public record NotificationsView(String incidentId, List<SlackMessage> slack, List<PageDelivery> pages,
        List<ContactDelivery> contacts) {

    /** One queued Slack call: a post, topic, pin, invite, DM or channel creation. */
    public record SlackMessage(
            String id,
            String target,
            String action,
            String text,
            String state,
            int attempts,
            Instant createdAt,
            Instant sentAt,
            String error) {
    }

    /** One delivery of a page on one channel (recorded, PagerDuty, webhook). */
    public record PageDelivery(
            String id,
            String pageId,
            int level,
            String responder,
            String channel,
            String action,
            String state,
            int attempts,
            Instant sentAt,
            String error) {
    }

    /**
     * One notification rule at work: a contact method of the paged person, due at a time. The address (a phone
     * number, an e-mail) is left out: it is the person's, and the person's record has it.
     */
    public record ContactDelivery(
            String id,
            String pageId,
            String person,
            String method,
            String kind,
            Instant dueAt,
            String state,
            int attempts,
            Instant sentAt,
            String bundledInto,
            String error) {
    }
}
