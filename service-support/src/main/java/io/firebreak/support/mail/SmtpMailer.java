package io.firebreak.support.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.mail.MailSendException;
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
        try {
            mail.send(mime(message));
        } catch (org.springframework.mail.MailException e) {
            throw failure(e);
        }
    }

    /**
     * Sends several messages over one connection (one connect and greeting instead of one per message, the cost
     * that bounds a fan-out to many subscribers). Returns the failures by the message's index in {@code messages}:
     * empty when the server accepted every one; every index when it could not be reached.
     */
    public Map<Integer, MessagingException> sendAll(List<MailMessage> messages) {
        if (!enabled()) {
            throw new IllegalStateException("No SMTP host is configured");
        }
        Map<Integer, MessagingException> failures = new HashMap<>();
        List<MimeMessage> mimes = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                mimes.add(mime(messages.get(i)));
                indexes.add(i);
            } catch (MessagingException unwritable) { // e.g. an address that does not parse: this message only
                failures.put(i, unwritable);
            }
        }
        if (mimes.isEmpty()) {
            return failures;
        }
        try {
            mail.send(mimes.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            Map<Object, Exception> failed = e.getFailedMessages();
            for (int j = 0; j < mimes.size(); j++) {
                Exception cause = failed.isEmpty() ? e : failed.get(mimes.get(j));
                if (cause != null) {
                    failures.put(indexes.get(j), failure(cause));
                }
            }
        } catch (org.springframework.mail.MailException e) {
            indexes.forEach(i -> failures.put(i, failure(e)));
        }
        return failures;
    }

    private static MessagingException failure(Exception cause) {
        return new MessagingException("SMTP delivery failed: " + cause.getClass().getSimpleName(), cause);
    }

    private MimeMessage mime(MailMessage message) throws MessagingException {
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(message.to());
        helper.setSubject(message.subject());
        helper.setText(message.text());
        for (MailMessage.Header header : message.headers()) {
            mime.setHeader(header.name(), header.value());
        }
        return mime;
    }
}
