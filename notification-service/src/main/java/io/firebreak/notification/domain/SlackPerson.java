package io.firebreak.notification.domain;

/**
 * The Firebreak person behind a Slack user: found in the on-call directory by Slack user id or by e-mail
 * ({@code known}), else the Slack user itself as {@code slack:<user id>} with its Slack display name. Whatever is done
 * from Slack is done as this person.
 */
public record SlackPerson(String slackUserId, String id, String name, String email, boolean known) {

    /** The actor id of a Slack user who is not in the directory. */
    public static String unmappedId(String slackUserId) {
        return "slack:" + slackUserId;
    }
}
