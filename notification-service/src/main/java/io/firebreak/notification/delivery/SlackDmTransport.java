package io.firebreak.notification.delivery;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.domain.oncall.ContactMethodKind;
import io.firebreak.notification.engine.SlackOutbox;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A Slack DM as a notification rule ("Slack after 1 minute"): queued in the Slack outbox, which sends it at Slack's
 * pace, with an Acknowledge button (and the signed link for clients without buttons). The message id is the page's DM
 * id, so a DM the page already queued is not sent twice.
 */
@Component
public class SlackDmTransport implements ContactTransport {

    private final SlackOutbox slack;
    private final boolean enabled;

    public SlackDmTransport(SlackOutbox slack, NotificationProperties properties) {
        this.slack = slack;
        this.enabled = properties.slack().enabled();
    }

    @Override
    public ContactMethodKind kind() {
        return ContactMethodKind.SLACK_DM;
    }

    @Override
    public boolean configured() {
        return enabled;
    }

    @Override
    public void send(String address, List<PageNotice> notices) {
        for (PageNotice n : notices) {
            slack.enqueuePageDm("page:" + n.pageId(), n.incidentId(), address,
                    ":rotating_light: " + n.forSlack().body().strip().replace("\n", " "), n.pageId());
        }
    }
}
