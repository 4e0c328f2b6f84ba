package io.firebreak.notification.delivery;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.engine.SlackCommands;
import io.firebreak.notification.engine.SlackCommands.Answer;
import io.firebreak.notification.engine.SlackIncidentChannels;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the person who asked from Slack what became of their command: {@code chat.postEphemeral} in the channel they
 * asked in (only they see it). A declaration that was applied names the new incident's channel once this service
 * created it (waiting up to {@link #CHANNEL_WAIT} for it); a declaration refused as a possible duplicate lists the open
 * incidents it resembles and carries a <em>Declare anyway</em> button. Answers are claimed with {@code SKIP LOCKED}, so instances
 * share the work; a failed call is retried a few times, then given up (the command itself is done either way).
 */
@Component
public class SlackCommandAnswerSender {

    private static final Logger log = LoggerFactory.getLogger(SlackCommandAnswerSender.class);
    static final Duration CHANNEL_WAIT = Duration.ofSeconds(10);

    private final SlackCommands commands;
    private final SlackIncidentChannels channels;
    private final MethodsClient slack;
    private final int maxAttempts;
    private final Clock clock;

    public SlackCommandAnswerSender(SlackCommands commands, SlackIncidentChannels channels, Slack slack,
            NotificationProperties properties, Clock clock) {
        this.commands = commands;
        this.channels = channels;
        this.slack = properties.slack().enabled() ? slack.methods(properties.slack().botToken()) : null;
        this.maxAttempts = properties.slackInbound().answerAttempts();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.notification.slack-inbound.answer-poll-interval:200ms}")
    public void tellDue() {
        commands.transaction().executeWithoutResult(status -> commands.pendingAnswers(50).forEach(this::tell));
    }

    private void tell(Answer answer) {
        String text = answer.text();
        if ("DeclareIncidentRequest".equals(answer.commandType()) && "APPLIED".equals(answer.outcome())) {
            Optional<SlackIncidentChannels.ChannelIncident> incident = channels.incident(answer.incidentId())
                    .filter(i -> i.channelId() != null);
            if (incident.isEmpty() && clock.instant().isBefore(answer.answeredAt().plus(CHANNEL_WAIT))) {
                return; // the channel is being created from the IncidentDeclared event: name it when it exists
            }
            text = incident.map(i -> ":white_check_mark: " + i.shownAs() + " declared — <#" + i.channelId() + ">")
                    .orElse(text.replace("Done for", "Declared:"));
        }
        if (slack == null) {
            commands.told(answer.commandId(), "RECORDED");
            return;
        }
        String message = text;
        try {
            ChatPostEphemeralResponse response = slack.chatPostEphemeral(r -> r.channel(answer.channelId())
                    .user(answer.slackUserId()).text(message)
                    .blocks(answer.offersForce() ? SlackBlocks.declareAnyway(message, answer.commandId()) : null));
            if (response.isOk()) {
                commands.told(answer.commandId(), "SENT");
                return;
            }
            log.warn("slack.answer_failed command={} error={}", answer.commandId(), response.getError());
        } catch (Exception e) {
            log.warn("slack.answer_failed command={} error={}", answer.commandId(), e.toString());
        }
        if (answer.attempts() + 1 >= maxAttempts) {
            commands.told(answer.commandId(), "FAILED");
        } else {
            commands.failedToTell(answer.commandId());
        }
    }
}
