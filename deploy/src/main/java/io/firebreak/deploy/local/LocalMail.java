package io.firebreak.deploy.local;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The local stack's mail server: a real SMTP server (GreenMail) in the launcher's JVM, to which notification-service
 * sends e-mail pages. Every message received is also written to {@code .firebreak/mail/} as an {@code .eml} file
 * (any mail program opens it), and can be read over IMAP with the recipient address as user and password.
 */
public final class LocalMail implements AutoCloseable {

    /** One message as delivered to one recipient. */
    private record Delivered(MimeMessage message, String recipient) {
    }

    private final GreenMail server;
    private final Path folder;
    private final BlockingQueue<Delivered> toWrite = new LinkedBlockingQueue<>();
    private final Thread writer;
    private int written;

    private LocalMail(GreenMail server, Path folder) {
        this.server = server;
        this.folder = folder;
        this.writer = new Thread(this::writeDelivered, "local-mail-writer");
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
        // each delivery is queued for its file as GreenMail stores it: the received messages of all mailboxes
        // together have no stable order to number them by, and copying them all again on every pass was quadratic
        UserManager users = server.getUserManager();
        MessageDeliveryHandler store = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, to) -> {
            GreenMailUser user = store.handle(message, to);
            mail.toWrite.add(new Delivered(message.getMessage(), to.getEmail()));
            return user;
        });
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

    private void writeDelivered() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Delivered next = toWrite.take();
                written++;
                Path file = folder.resolve(String.format(Locale.ROOT, "%05d-%s.eml", written,
                        next.recipient().replaceAll("[^A-Za-z0-9@._-]", "_")));
                try (OutputStream out = Files.newOutputStream(file)) {
                    next.message().writeTo(out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | MessagingException | RuntimeException e) {
                // a message that cannot be written is skipped; the server still holds it for IMAP
            }
        }
    }

    @Override
    public void close() {
        writer.interrupt();
        server.stop();
    }
}
