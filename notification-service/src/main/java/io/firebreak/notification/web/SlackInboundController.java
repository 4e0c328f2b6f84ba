package io.firebreak.notification.web;

import io.firebreak.notification.slackapp.SlackEndpoint;
import io.firebreak.notification.slackapp.SlackEndpoint.SlackReply;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.problem.ProblemType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Slack's request URL for slash commands, interactivity and shortcuts. Public in AccessRules (Slack sends no bearer
 * token); the credential is the request signature, checked over the raw body ({@link SlackEndpoint}). A body that is
 * not a Slack form post at all is a 400 before the signature is looked at (nothing is acted on unsigned); a missing,
 * wrong, stale or replayed signature is a 401. Bolt runs on the blocking scheduler, never on the event loop.
 */
@RestController
public class SlackInboundController {

    public static final String PATH = "/api/v1/integrations/slack";
    private static final int MAX_BODY = 64 * 1024;

    private final SlackEndpoint endpoint;
    private final Scheduler blocking;

    public SlackInboundController(SlackEndpoint endpoint, Scheduler blockingScheduler) {
        this.endpoint = endpoint;
        this.blocking = blockingScheduler;
    }

    @PostMapping(path = PATH)
    public Mono<ResponseEntity<String>> receive(ServerHttpRequest request) {
        // the raw bytes (the signature covers them exactly): read here, not through a form codec that would re-encode
        return DataBufferUtils.join(request.getBody(), MAX_BODY)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> ApiProblem.badRequest(null,
                        "Not a Slack request (larger than 64 KiB)"))
                .flatMap(body -> receive(body, request));
    }

    private Mono<ResponseEntity<String>> receive(byte[] body, ServerHttpRequest request) {
        if (endpoint.unavailable() != null) {
            return Mono.error(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.UNAVAILABLE, null,
                    "Slack is not connected to this Firebreak: " + endpoint.unavailable()));
        }
        MediaType type = request.getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return Mono.error(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type", "Slack posts application/x-www-form-urlencoded"));
        }
        if (body == null || body.length == 0 || body.length > MAX_BODY) {
            return Mono.error(ApiProblem.badRequest(null, "Not a Slack request (empty or larger than 64 KiB)"));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(headers::put);
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null ? null : remote.getHostString();
        String path = request.getPath().value();
        return Mono.fromCallable(() -> reply(endpoint.handle(path, text, headers, address))).subscribeOn(blocking);
    }

    private static ResponseEntity<String> reply(SlackReply reply) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(reply.status());
        if (reply.contentType() != null && !reply.body().isEmpty()) {
            builder.contentType(MediaType.parseMediaType(reply.contentType()));
        }
        return builder.body(reply.body());
    }
}
