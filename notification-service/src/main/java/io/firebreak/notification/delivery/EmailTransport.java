package io.firebreak.notification.delivery;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.oncall.ContactMethodKind;
import io.firebreak.support.mail.MailMessage;
import io.firebreak.support.mail.SmtpMailer;
import io.firebreak.support.mail.SmtpSettings;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP ({@code firebreak.notification.contact.email}): pages to people's e-mail contact methods, and the
 * stakeholder e-mails ({@link StakeholderEmailWorker}) through the same server, by service-support's
 * {@link SmtpMailer}.
 */
@Component
public class EmailTransport implements ContactTransport {

    private final SmtpMailer mail;

    public EmailTransport(NotificationProperties properties) {
        NotificationProperties.Email email = properties.contact().email();
        this.mail = new SmtpMailer(new SmtpSettings(email.host(), email.port(), email.username(), email.password(),
                email.startTls(), email.from()));
    }

    @Override
    public ContactMethodKind kind() {
        return ContactMethodKind.EMAIL;
    }

    @Override
    public boolean configured() {
        return mail.enabled();
    }

    @Override
    public void send(String address, List<PageNotice> notices) throws Exception {
        mail.send(new MailMessage(address, notices.size() == 1 ? "Firebreak page: " + notices.get(0).subject()
                : "Firebreak: " + notices.size() + " pages",
                notices.stream().map(PageNotice::body).collect(Collectors.joining("\n")),
                List.of(new MailMessage.Header("X-Firebreak-Page",
                        notices.stream().map(PageNotice::pageId).collect(Collectors.joining(","))))));
    }

    /**
     * A plain-text e-mail that is not a page (a stakeholder update). {@code id} goes in {@code X-Firebreak-Email}, so
     * a receiving mailbox can tell a retried e-mail by it.
     */
    public void sendPlain(String address, String subject, String body, String id) throws Exception {
        mail.send(new MailMessage(address, subject, body, List.of(new MailMessage.Header("X-Firebreak-Email", id))));
    }
}
