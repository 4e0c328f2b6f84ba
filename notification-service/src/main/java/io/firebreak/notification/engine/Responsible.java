package io.firebreak.notification.engine;

import io.firebreak.notification.domain.SlackPerson;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.oncall.OnCallDirectory;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who a reminder about an incident is for: its lead, or whoever declared it while it has no lead (issue 16: nobody
 * is silent because nobody took the lead). The Slack id comes from the role assignment, else from the on-call
 * directory (the person with that id), else from an actor id of the form {@code slack:<user id>} (someone who
 * declared from Slack without a directory entry).
 */
@Component
public class Responsible {

    /** A person to remind; {@code slackUserId} null when they cannot be reached in Slack (named, not mentioned). */
    public record Recipient(String name, String slackUserId) {

        /** A Slack mention when they have a Slack id, else their name. */
        public String mention() {
            return slackUserId == null ? name : "<@" + slackUserId + ">";
        }
    }

    private final OnCallDirectory directory;

    public Responsible(OnCallDirectory directory) {
        this.directory = directory;
    }

    /** The lead or else the declarer of the incident row; null when neither is known (an event from before V16). */
    public Recipient of(Map<String, Object> incident) {
        String leadName = (String) incident.get("lead_name");
        if (leadName != null) {
            String slack = (String) incident.get("lead_slack");
            return new Recipient(leadName, slack != null ? slack : slackIdOf((String) incident.get("lead_id")));
        }
        String declarerId = (String) incident.get("declared_by_id");
        if (declarerId == null) {
            return null;
        }
        String name = (String) incident.get("declared_by_name");
        return new Recipient(name == null ? declarerId : name, slackIdOf(declarerId));
    }

    private String slackIdOf(String personId) {
        if (personId == null) {
            return null;
        }
        String unmapped = SlackPerson.unmappedId("");
        if (personId.startsWith(unmapped) && personId.length() > unmapped.length()) {
            return personId.substring(unmapped.length());
        }
        Person person = directory.model().people().get(personId);
        return person == null ? null : person.slackUserId();
    }
}
