package io.firebreak.statuspage.subscribers.storage;

/** A delivery that is due, with what is needed to send it: the subscriber's channel, address and secret, the notice. */
public record DueDelivery(String noticeId, String subscriberId, int attempts, Channel channel, String address,
        String secret, NoticeKind kind, String subject, String body, String payload) {

    @Override
    public String toString() {
        return "DueDelivery[" + noticeId + " → " + subscriberId + ", attempt " + (attempts + 1) + "]";
    }
}
