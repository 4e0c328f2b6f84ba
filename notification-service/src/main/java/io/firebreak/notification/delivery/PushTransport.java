package io.firebreak.notification.delivery;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.oncall.ContactMethodKind;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Push to phones through ntfy: the body is the message, POSTed to the topic URL (the method's address); the
 * {@code Title}, {@code Priority}, {@code Tags}, {@code Click} (the incident channel) and {@code Actions} (view
 * buttons for the channel and the acknowledge link) headers shape the notification.
 */
@Component
public class PushTransport implements ContactTransport {

    private final NotificationProperties.Ntfy ntfy;
    private final ProviderHttp http;

    public PushTransport(NotificationProperties properties, ProviderHttp http) {
        this.ntfy = properties.contact().ntfy();
        this.http = http;
    }

    @Override
    public ContactMethodKind kind() {
        return ContactMethodKind.PUSH;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public void send(String address, List<PageNotice> notices) throws Exception {
        PageNotice first = notices.get(0);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).timeout(ProviderHttp.TIMEOUT)
                .header("Title", ascii(notices.size() == 1 ? first.subject() : notices.size() + " Firebreak pages"))
                .header("Priority", ntfy.priority())
                .header("Tags", "rotating_light")
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(notices.stream().map(PageNotice::body)
                        .collect(Collectors.joining("\n")), StandardCharsets.UTF_8));
        if (first.channelLink() != null) {
            request.header("Click", first.channelLink().toString());
        }
        String actions = actions(first);
        if (!actions.isEmpty()) {
            request.header("Actions", actions);
        }
        if (!ntfy.accessToken().isBlank()) {
            request.header("Authorization", "Bearer " + ntfy.accessToken());
        }
        http.send(request.build());
    }

    /** ntfy's short action format: "view, label, url[, clear=true]; …". */
    private static String actions(PageNotice notice) {
        StringBuilder actions = new StringBuilder();
        if (notice.ackUrl() != null) {
            actions.append("view, Acknowledge, ").append(notice.ackUrl()).append(", clear=true");
        }
        if (notice.channelLink() != null) {
            actions.append(actions.isEmpty() ? "" : "; ").append("view, Open channel, ").append(notice.channelLink());
        }
        return actions.toString();
    }

    /** HTTP header values are ASCII; ntfy reads the rest of the message from the body. */
    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
