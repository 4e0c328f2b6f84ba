package io.firebreak.support.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SmtpMailer#sendAll} against a real SMTP server (GreenMail): one connection, failures per message. */
class SmtpMailerTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void sendsEveryMessageAndReportsOnlyTheOneThatCouldNotBeWritten() throws Exception {
        SmtpMailer mailer = mailer(smtp.getSmtp().getPort());

        var failures = mailer.sendAll(List.of(
                new MailMessage("ana@example.org", "Checkout is degraded", "First"),
                new MailMessage("not an address@@", "Checkout is degraded", "Second"),
                new MailMessage("bo@example.org", "Checkout is degraded", "Third",
                        List.of(new MailMessage.Header("List-Unsubscribe", "<https://status.example/u?t=1>")))));

        assertThat(failures).containsOnlyKeys(1);
        assertThat(failures.get(1).getMessage()).doesNotContain("not an address");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(SmtpMailerTest::recipient))
                .containsExactlyInAnyOrder("ana@example.org", "bo@example.org");
        assertThat(Arrays.stream(received).filter(m -> recipient(m).equals("bo@example.org")).findFirst().orElseThrow()
                .getHeader("List-Unsubscribe")).containsExactly("<https://status.example/u?t=1>");
    }

    @Test
    void everyMessageFailsWhenTheServerCannotBeReached() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var failures = mailer(closed).sendAll(List.of(new MailMessage("ana@example.org", "S", "One"),
                new MailMessage("bo@example.org", "S", "Two")));

        assertThat(failures).containsOnlyKeys(0, 1);
        assertThat(failures.get(0).getMessage()).startsWith("SMTP delivery failed").doesNotContain("example.org");
    }

    private static SmtpMailer mailer(int port) {
        return new SmtpMailer(new SmtpSettings("127.0.0.1", port, "", "", false, "status@example.org"));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
