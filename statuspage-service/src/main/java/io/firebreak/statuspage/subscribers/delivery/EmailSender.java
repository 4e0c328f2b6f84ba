package io.firebreak.statuspage.subscribers.delivery;

import io.firebreak.statuspage.subscribers.domain.LinkPurpose;
import io.firebreak.statuspage.subscribers.domain.NoticeText;
import io.firebreak.statuspage.subscribers.domain.SignedLinks;
import io.firebreak.statuspage.subscribers.storage.DueDelivery;
import io.firebreak.statuspage.subscribers.storage.NoticeKind;
import io.firebreak.support.mail.MailMessage;
import io.firebreak.support.mail.SmtpMailer;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Map;

/**
 * A subscriber e-mail through the shared SMTP mailer. Every notice carries a signed one-click unsubscribe link in
 * its text and in RFC 8058's {@code List-Unsubscribe} / {@code List-Unsubscribe-Post} headers (mail clients then
 * show their own unsubscribe button, which POSTs to the link); the confirm-link e-mail has none (nothing to leave).
 */
final class EmailSender {

    private final SmtpMailer mailer;
    private final SignedLinks links;
    private final String pageUrl;

    EmailSender(SmtpMailer mailer, SignedLinks links, String pageUrl) {
        this.mailer = mailer;
        this.links = links;
        this.pageUrl = NoticeText.stripSlash(pageUrl);
    }

    boolean ready() {
        return mailer.enabled();
    }

    /** Several deliveries over one SMTP connection; the failures by index in {@code deliveries} (empty: all sent). */
    Map<Integer, MessagingException> sendAll(List<DueDelivery> deliveries) {
        return mailer.sendAll(deliveries.stream().map(this::message).toList());
    }

    private MailMessage message(DueDelivery delivery) {
        if (delivery.kind() == NoticeKind.CONFIRMATION) {
            return new MailMessage(delivery.address(), delivery.subject(), delivery.body());
        }
        String unsubscribe = pageUrl + "/subscriptions/unsubscribe?token="
                + links.token(LinkPurpose.UNSUBSCRIBE, delivery.subscriberId());
        return new MailMessage(delivery.address(), delivery.subject(),
                delivery.body() + NoticeText.unsubscribeFooter(unsubscribe),
                List.of(new MailMessage.Header("List-Unsubscribe", "<" + unsubscribe + ">"),
                        new MailMessage.Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
    }
}
