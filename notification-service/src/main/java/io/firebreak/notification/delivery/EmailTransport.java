package io.firebreak.notification.delivery;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.oncall.ContactMethodKind;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP ({@code firebreak.notification.contact.email}): pages to people's e-mail contact methods, and the
 * stakeholder e-mails ({@link StakeholderEmailWorker}) through the same server.
 */
@Component
public class EmailTransport implements ContactTransport {

    private final NotificationProperties.Email email;
    private final JavaMailSenderImpl mail = new JavaMailSenderImpl();

    public EmailTransport(NotificationProperties properties) {
        this.email = properties.contact().email();
        mail.setHost(email.host());
        mail.setPort(email.port());
        mail.setDefaultEncoding("UTF-8");
        if (!email.username().isBlank()) {
            mail.setUsername(email.username());
            mail.setPassword(email.password());
        }
        Properties smtp = new Properties();
        smtp.put("mail.smtp.auth", String.valueOf(!email.username().isBlank()));
        smtp.put("mail.smtp.starttls.enable", String.valueOf(email.startTls()));
        smtp.put("mail.smtp.starttls.required", String.valueOf(email.startTls()));
        smtp.put("mail.smtp.connectiontimeout", "5000");
        smtp.put("mail.smtp.timeout", "10000");
        smtp.put("mail.smtp.writetimeout", "10000");
        mail.setJavaMailProperties(smtp);
    }

    @Override
    public ContactMethodKind kind() {
        return ContactMethodKind.EMAIL;
    }

    @Override
    public boolean configured() {
        return email.enabled();
    }

    @Override
    public void send(String address, List<PageNotice> notices) throws Exception {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(email.from());
        helper.setTo(address);
        helper.setSubject(notices.size() == 1 ? "Firebreak page: " + notices.get(0).subject()
                : "Firebreak: " + notices.size() + " pages");
        helper.setText(notices.stream().map(PageNotice::body).collect(Collectors.joining("\n")));
        message.setHeader("X-Firebreak-Page", notices.stream().map(PageNotice::pageId)
                .collect(Collectors.joining(",")));
        mail.send(message);
    }

    /**
     * A plain-text e-mail that is not a page (a stakeholder update). {@code id} goes in {@code X-Firebreak-Email}, so
     * a receiving mailbox can tell a retried e-mail by it.
     */
    public void sendPlain(String address, String subject, String body, String id) throws Exception {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(email.from());
        helper.setTo(address);
        helper.setSubject(subject);
        helper.setText(body);
        message.setHeader("X-Firebreak-Email", id);
        mail.send(message);
    }
}
