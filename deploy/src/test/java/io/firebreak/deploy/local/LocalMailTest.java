package io.firebreak.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local mail server writes each delivery once, to a file named after its recipient, in the order received. */
class LocalMailTest {

    @Test
    void everyDeliveryBecomesOneEmlFileForItsRecipient(@TempDir Path home) throws Exception {
        int smtp = freePort();
        try (LocalMail mail = LocalMail.start(home, smtp, freePort())) {
            Session session = Session.getInstance(new Properties());
            send(session, smtp, "Page: INC-1", "ana@example.org", "bo@example.org");
            send(session, smtp, "Page: INC-2", "ana@example.org");

            await().atMost(Duration.ofSeconds(10)).until(() -> files(mail.folder()).size() == 3);
            List<Path> files = files(mail.folder());
            assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly(
                    "00001-ana@example.org.eml", "00002-bo@example.org.eml", "00003-ana@example.org.eml");
            assertThat(Files.readString(files.get(2))).contains("Subject: Page: INC-2");
            assertThat(mail.received()).hasSize(3);
        }
    }

    private static void send(Session session, int port, String subject, String... to) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom("pager@firebreak.local");
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(subject);
        message.setText("Acknowledge: http://127.0.0.1/ack");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", port, null, null);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
