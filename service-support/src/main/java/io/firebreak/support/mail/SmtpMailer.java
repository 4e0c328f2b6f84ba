package io.firebreak.support.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends plain-text e-mail over SMTP, blocking: call it from a worker thread, never a Netty event loop. Bounded
 * timeouts, so an unreachable server fails the attempt instead of holding the thread; a failure is thrown for the
 * caller's retry policy. The recipient never appears in an exception message written here (it is personal data).
 */
public final class SmtpMailer {

    private final SmtpSettings settings;
    private final JavaMailSenderImpl mail = new JavaMailSenderImpl();

    public SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        mail.setHost(settings.host());
        mail.setPort(settings.port());
        mail.setDefaultEncoding("UTF-8");
        boolean auth = !settings.username().isBlank();
        if (auth) {
            mail.setUsername(settings.username());
            mail.setPassword(settings.password());
        }
        Properties smtp = new Properties();
        smtp.put("mail.smtp.auth", String.valueOf(auth));
        smtp.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        smtp.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        smtp.put("mail.smtp.connectiontimeout", "5000");
        smtp.put("mail.smtp.timeout", "10000");
        smtp.put("mail.smtp.writetimeout", "10000");
        mail.setJavaMailProperties(smtp);
    }

    /** Whether a server is configured; without one, callers skip e-mail. */
    public boolean enabled() {
        return settings.enabled();
    }

    public String from() {
        return settings.from();
    }

    /** Sends one message; throws when the server refused it or could not be reached. */
    public void send(MailMessage message) throws MessagingException {
        if (!enabled()) {
            throw new IllegalStateException("No SMTP host is configured");
        }
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(message.to());
        helper.setSubject(message.subject());
        helper.setText(message.text());
        for (MailMessage.Header header : message.headers()) {
            mime.setHeader(header.name(), header.value());
        }
        try {
            mail.send(mime);
        } catch (org.springframework.mail.MailException e) {
            throw new MessagingException("SMTP delivery failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
