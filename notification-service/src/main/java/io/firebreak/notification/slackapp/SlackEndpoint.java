package io.firebreak.notification.slackapp;

import io.firebreak.notification.domain.SlackIds;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.engine.Acknowledgements;
import io.firebreak.notification.engine.OnDemandPaging;
import io.firebreak.notification.engine.SlackCommands;
import io.firebreak.notification.engine.SlackIncidentChannels;
import io.firebreak.notification.engine.SlackRequestsSeen;
import io.firebreak.notification.oncall.OnCallDirectory;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.problem.ProblemType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Slack's one request URL, behind the web layer: the raw request becomes a Bolt {@link Request}
 * ({@link SlackRequestParser}) and runs through a Bolt {@link App} whose first middleware verifies the signature and
 * refuses replays ({@link SignedRequests}); Bolt's response comes back as a plain {@link SlackReply}. A refused
 * signature is a 401 problem. Without a signing secret (or a bot token, needed to answer) nothing is accepted: 503.
 * Blocking: call it off the event loop.
 */
@Component
public class SlackEndpoint {

    private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);

    private final App app;
    private final SlackRequestParser parser;
    private final String unavailable;

    /** Bolt's answer: status, content type and body as Slack expects them. */
    public record SlackReply(int status, String contentType, String body) {
    }

    public SlackEndpoint(NotificationProperties properties, Slack slack, SlackRequestsSeen seen,
            SlackCommands commands, SlackIncidentChannels channels, OnCallDirectory directory, OnDemandPaging paging,
            Acknowledgements acknowledgements, Clock clock) {
        NotificationProperties.SlackInbound inbound = properties.slackInbound();
        this.unavailable = !inbound.enabled() ? "FIREBREAK_SLACK_SIGNING_SECRET is not set"
                : !properties.slack().enabled() ? "FIREBREAK_SLACK_BOT_TOKEN is not set" : null;
        AppConfig config = AppConfig.builder()
                .signingSecret(inbound.enabled() ? inbound.signingSecret() : "unset")
                .singleTeamBotToken(properties.slack().botToken())
                .slack(slack)
                .appInitializersEnabled(false)
                .build();
        // only our middleware: Bolt's own list would call auth.test on every request and check the signature
        // against the wall clock; SignedRequests checks it with Bolt's verifier against the injected clock
        this.app = new App(config, List.of(new SignedRequests(config.getSigningSecret(), seen, inbound.maxAge(),
                clock)));
        this.parser = new SlackRequestParser(config);
        if (unavailable == null) {
            SlackSurface surface = new SlackSurface(slack.methods(properties.slack().botToken()),
                    new SlackIdentities(directory, slack.methods(properties.slack().botToken())), channels, commands,
                    directory, clock);
            IncSlashCommand inc = new IncSlashCommand(surface, paging);
            SlackInteractions interactions = new SlackInteractions(surface, acknowledgements);
            app.command(SlackIds.COMMAND, inc::handle);
            app.viewSubmission(SlackIds.DECLARE_VIEW, interactions::declared);
            app.viewSubmission(SlackIds.UPDATE_VIEW, interactions::updated);
            app.viewSubmission(SlackIds.STATUS_VIEW, interactions::statusChanged);
            app.viewSubmission(SlackIds.ROLES_VIEW, interactions::rolesAssigned);
            app.viewSubmission(SlackIds.TIMELINE_VIEW, interactions::noteAdded);
            app.blockAction(SlackIds.ACK_PAGE, interactions::acknowledge);
            app.blockAction(SlackIds.POST_UPDATE, interactions::openUpdate);
            app.blockAction(SlackIds.CHANGE_STATUS, interactions::openStatus);
            app.blockAction(SlackIds.ASSIGN_ROLES, interactions::openRoles);
            app.blockAction(SlackIds.JOIN_CALL, interactions::joinCall);
            app.blockAction(SlackIds.DECLARE_ANYWAY, interactions::declareAnyway);
            app.messageShortcut(SlackIds.ADD_TO_TIMELINE, interactions::addToTimeline);
        }
    }

    /** Why the endpoint accepts nothing, or null when it is configured. */
    public String unavailable() {
        return unavailable;
    }

    /**
     * Runs one request from Slack.
     *
     * @throws ApiProblem 401 for a missing, wrong, stale or replayed signature, 503 when not configured
     */
    public SlackReply handle(String path, String body, Map<String, List<String>> headers, String remoteAddress) {
        if (unavailable != null) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.UNAVAILABLE, null,
                    "Slack is not connected to this Firebreak: " + unavailable + " (README, Connect Slack)");
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder().requestUri(path)
                .requestBody(body).headers(new RequestHeaders(headers)).remoteAddress(remoteAddress).build());
        if (request == null) {
            throw ApiProblem.badRequest(null, "Not a Slack request (a slash command, interaction or shortcut)");
        }
        Response response;
        try {
            response = app.run(request);
        } catch (ApiProblem problem) {
            throw problem;
        } catch (Exception e) {
            log.warn("slack_inbound.failed type={} error={}", request.getRequestType(), e.toString());
            // Slack shows its own "did not respond" message; nothing half-applied: commands are one transaction
            response = Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON)
                    .body("{\"response_type\":\"ephemeral\",\"text\":\":warning: Firebreak could not handle that;"
                            + " nothing was changed.\"}").build();
        }
        if (response.getStatusCode() == 401) {
            String[] refusal = response.getBody().split("\n", 2);
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED, refusal[0],
                    refusal.length > 1 ? refusal[1] : "The Slack signature is not valid");
        }
        return new SlackReply(response.getStatusCode(), response.getContentType(),
                response.getBody() == null ? "" : response.getBody());
    }
}
