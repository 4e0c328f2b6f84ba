package io.firebreak.deploy.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The local stack's mail server: a real SMTP server (GreenMail) in the launcher's JVM, to which notification-service
 * sends e-mail pages. Every message received is also written to {@code .firebreak/mail/} as an {@code .eml} file
 * (any mail program opens it), and can be read over IMAP with the recipient address as user and password.
 */
public final class LocalMail implements AutoCloseable {

    private final GreenMail server;
    private final Path folder;
    private final Thread writer;
    private int written;

    private LocalMail(GreenMail server, Path folder) {
        this.server = server;
        this.folder = folder;
        this.writer = new Thread(this::writeReceived, "local-mail-writer");
        this.writer.setDaemon(true);
    }

    static LocalMail start(Path home, int smtpPort, int imapPort) throws IOException {
        Path folder = home.resolve("mail");
        Files.createDirectories(folder);
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        LocalMail mail = new LocalMail(server, folder);
        mail.writer.start();
        return mail;
    }

    /** SMTP port of the local mail server ({@code FIREBREAK_LOCAL_SMTP_PORT}, default 3025). */
    static int smtpPort(java.util.Map<String, String> env) {
        return Integer.parseInt(env.getOrDefault("FIREBREAK_LOCAL_SMTP_PORT", "3025"));
    }

    /** IMAP port of the local mail server ({@code FIREBREAK_LOCAL_IMAP_PORT}, default 3143). */
    static int imapPort(java.util.Map<String, String> env) {
        return Integer.parseInt(env.getOrDefault("FIREBREAK_LOCAL_IMAP_PORT", "3143"));
    }

    Path folder() {
        return folder;
    }

    /** Every message received so far, oldest first. */
    public java.util.List<MimeMessage> received() {
        return java.util.List.of(server.getReceivedMessages());
    }

    private void writeReceived() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                MimeMessage[] received = server.getReceivedMessages();
                for (; written < received.length; written++) {
                    MimeMessage message = received[written];
                    Path file = folder.resolve(String.format(Locale.ROOT, "%05d-%s.eml", written + 1,
                            recipient(message)));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        message.writeTo(out);
                    }
                }
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | MessagingException | RuntimeException e) {
                // a message that cannot be written is skipped; the server still holds it for IMAP
                written++;
            }
        }
    }

    private static String recipient(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        String address = to == null || to.length == 0 ? "unknown" : to[0].toString();
        return address.replaceAll("[^A-Za-z0-9@._-]", "_");
    }

    @Override
    public void close() {
        writer.interrupt();
        server.stop();
    }
}
