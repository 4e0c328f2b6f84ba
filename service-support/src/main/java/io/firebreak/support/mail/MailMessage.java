package io.firebreak.support.mail;

import java.util.List;

/** One plain-text e-mail to one recipient, with any extra headers (e.g. RFC 8058's List-Unsubscribe). */
public record MailMessage(String to, String subject, String text, List<Header> headers) {

    public MailMessage {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    public MailMessage(String to, String subject, String text) {
        this(to, subject, text, List.of());
    }

    /** An extra header; its value must already be what goes on the wire (ASCII). */
    public record Header(String name, String value) {
    }
}
