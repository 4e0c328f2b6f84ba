package io.firebreak.notification.slackapp;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.firebreak.notification.domain.SlackPerson;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.oncall.OnCallDirectory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is in Firebreak: the on-call directory's person with that Slack user id, else the one with the
 * e-mail Slack has for the user ({@code users.info}, scope {@code users:read.email}), else the Slack user itself
 * ({@code slack:<id>}, its Slack name). Blocking (database and Slack).
 */
final class SlackIdentities {

    private static final Logger log = LoggerFactory.getLogger(SlackIdentities.class);

    private final OnCallDirectory directory;
    private final MethodsClient slack;

    SlackIdentities(OnCallDirectory directory, MethodsClient slack) {
        this.directory = directory;
        this.slack = slack;
    }

    /** The person behind {@code slackUserId}; {@code slackName} is the name Slack sent with the request, if any. */
    SlackPerson person(String slackUserId, String slackName) {
        var people = directory.model().people().values();
        Optional<Person> byId = people.stream().filter(p -> slackUserId.equals(p.slackUserId())).findFirst();
        if (byId.isPresent()) {
            return known(slackUserId, byId.get());
        }
        Optional<User> user = lookUp(slackUserId);
        String email = user.map(User::getProfile).map(User.Profile::getEmail).orElse(null);
        if (email != null) {
            Optional<Person> byEmail = people.stream()
                    .filter(p -> p.email() != null && p.email().equalsIgnoreCase(email)).findFirst();
            if (byEmail.isPresent()) {
                return known(slackUserId, byEmail.get());
            }
        }
        String name = user.map(SlackIdentities::displayName).orElse(slackName);
        return new SlackPerson(slackUserId, SlackPerson.unmappedId(slackUserId),
                name == null || name.isBlank() ? slackUserId : name, email, false);
    }

    private static SlackPerson known(String slackUserId, Person person) {
        return new SlackPerson(slackUserId, person.id(), person.name(), person.email(), true);
    }

    private Optional<User> lookUp(String slackUserId) {
        if (slack == null) {
            return Optional.empty();
        }
        try {
            UsersInfoResponse response = slack.usersInfo(r -> r.user(slackUserId));
            if (response.isOk() && response.getUser() != null) {
                return Optional.of(response.getUser());
            }
            log.warn("slack.users_info_failed user={} error={}", slackUserId, response.getError());
        } catch (Exception e) {
            log.warn("slack.users_info_failed user={} error={}", slackUserId, e.toString());
        }
        return Optional.empty();
    }

    private static String displayName(User user) {
        User.Profile profile = user.getProfile();
        if (profile != null && profile.getDisplayName() != null && !profile.getDisplayName().isBlank()) {
            return profile.getDisplayName();
        }
        if (profile != null && profile.getRealName() != null && !profile.getRealName().isBlank()) {
            return profile.getRealName();
        }
        return user.getRealName() != null ? user.getRealName() : user.getName();
    }
}
