package io.firebreak.notification.slackapp;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.firebreak.notification.engine.SlackRequestsSeen;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first middleware of the Bolt app: Bolt's v0 signature check ({@code X-Slack-Signature}, HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>} with the signing secret; {@code X-Slack-Request-Timestamp} within 5 minutes of the
 * injected clock), then a replay check (a signature seen before is refused). A refusal is a 401 whose body is the
 * reason; nothing after it runs. Neither the body nor the signature is logged.
 */
final class SignedRequests implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(SignedRequests.class);
    static final String SIGNATURE = "X-Slack-Signature";
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";

    private final SlackSignature.Verifier verifier;
    private final SlackRequestsSeen seen;
    private final Duration window;
    private final Clock clock;

    SignedRequests(String signingSecret, SlackRequestsSeen seen, Duration window, Clock clock) {
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
        this.seen = seen;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String signature = req.getHeaders().getFirstValue(SIGNATURE);
        String timestamp = req.getHeaders().getFirstValue(TIMESTAMP);
        if (signature == null || timestamp == null) {
            return refuse(signature == null ? SIGNATURE : TIMESTAMP, "Slack requests are signed: the "
                    + (signature == null ? SIGNATURE : TIMESTAMP) + " header is missing");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return refuse(TIMESTAMP, "X-Slack-Request-Timestamp is not a Unix time");
        }
        Instant requestAt = Instant.ofEpochSecond(seconds);
        Instant now = clock.instant();
        if (requestAt.isBefore(now.minus(window)) || requestAt.isAfter(now.plus(window))) {
            return refuse(TIMESTAMP, "The request is older than " + window.toMinutes()
                    + " minutes (or from the future): a delayed or replayed request is not acted on");
        }
        if (!verifier.isValid(timestamp, req.getRequestBodyAsString(), signature, now.toEpochMilli())) {
            return refuse(SIGNATURE, "X-Slack-Signature does not match this request for the configured signing secret");
        }
        if (!seen.firstTime(signature, requestAt, window)) {
            return refuse(SIGNATURE, "This request was received before; a replay is not acted on");
        }
        return chain.next(req);
    }

    private static Response refuse(String header, String detail) {
        log.warn("slack_inbound.refused header={} reason=\"{}\"", header, detail);
        return Response.builder().statusCode(401).contentType("text/plain").body(header + "\n" + detail).build();
    }
}
