package io.firebreak.notification.slackapp;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import io.firebreak.notification.domain.SlackPerson;
import io.firebreak.notification.engine.SlackCommands;
import io.firebreak.notification.engine.SlackIncidentChannels;
import io.firebreak.notification.engine.SlackIncidentChannels.ChannelIncident;
import io.firebreak.notification.oncall.OnCallDirectory;
import io.firebreak.schemas.incident.Person;
import java.time.Clock;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Slack handler shares: the Web API client (bot token), who a Slack user is, which incident a channel
 * belongs to, and asking incident-command for a command. Blocking.
 */
final class SlackSurface {

    private static final Logger log = LoggerFactory.getLogger(SlackSurface.class);

    final MethodsClient slack;
    final SlackIdentities identities;
    final SlackIncidentChannels channels;
    final SlackCommands commands;
    final OnCallDirectory directory;
    final Clock clock;

    SlackSurface(MethodsClient slack, SlackIdentities identities, SlackIncidentChannels channels,
            SlackCommands commands, OnCallDirectory directory, Clock clock) {
        this.slack = slack;
        this.identities = identities;
        this.channels = channels;
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    /** Opens a modal; false (logged) when Slack refused or could not be reached. */
    boolean open(String triggerId, View view) {
        try {
            ViewsOpenResponse response = slack.viewsOpen(r -> r.triggerId(triggerId).view(view));
            if (!response.isOk()) {
                log.warn("slack.views_open_failed view={} error={}", view.getCallbackId(), response.getError());
            }
            return response.isOk();
        } catch (Exception e) {
            log.warn("slack.views_open_failed view={} error={}", view.getCallbackId(), e.toString());
            return false;
        }
    }

    /** Tells one person something in a channel, only they see it; failures are logged, not thrown. */
    void whisper(String channelId, String slackUserId, String text) {
        try {
            var response = slack.chatPostEphemeral(r -> r.channel(channelId).user(slackUserId).text(text));
            if (!response.isOk()) {
                log.warn("slack.ephemeral_failed channel={} error={}", channelId, response.getError());
            }
        } catch (Exception e) {
            log.warn("slack.ephemeral_failed channel={} error={}", channelId, e.toString());
        }
    }

    Optional<ChannelIncident> incidentOf(String channelId) {
        return channels.incidentOf(channelId);
    }

    String ask(SlackPerson by, String channelId, String incidentId, SpecificRecord command, String asked) {
        return commands.request(by, channelId, incidentId, command, asked);
    }

    /** A Slack user as the event schema's Person (for role assignments). */
    Person person(String slackUserId, String slackName) {
        SlackPerson person = identities.person(slackUserId, slackName);
        return new Person(person.id(), person.name(), person.email(), slackUserId);
    }

    static String reference(ChannelIncident incident) {
        return incident.shownAs();
    }
}
