package io.firebreak.notification.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user mention as Slack escapes it in slash command text ({@code <@U123ABC|ana>} or {@code <@U123ABC>}).
 */
public record SlackMention(String userId, String name) {

    private static final Pattern MENTION = Pattern.compile("^<@([UW][A-Z0-9]{2,20})(?:\\|([^>]{0,80}))?>$");

    /** The mention the word is, if it is one. */
    public static Optional<SlackMention> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        Matcher matcher = MENTION.matcher(word.strip());
        return matcher.matches() ? Optional.of(new SlackMention(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }
}
