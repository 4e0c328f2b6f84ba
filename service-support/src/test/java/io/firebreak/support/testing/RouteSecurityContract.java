package io.firebreak.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.support.security.AccessPolicy;
import io.firebreak.support.security.SecuritySupportConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;

/**
 * The route walk every service runs (extend it in a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} test):
 * each route of the running service, enumerated from its context, with no token, a wrong token, a token lacking
 * the scope and the right one; then again through encoded, doubled-slash, trailing-slash and case-changed
 * spellings of its path, none of which may get past the boundary.
 */
public abstract class RouteSecurityContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private ApplicationContext context;

    @LocalServerPort
    private int port;

    /** Routes whose handler must not run in this test (it would change shared state); authorisation still walks them. */
    protected Set<Routes.Route> notToRunWithTheRightScope() {
        return Set.of();
    }

    @Test
    void everyRouteHasAnAccessRuleAndEnforcesIt() throws Exception {
        AccessPolicy policy = SecuritySupportConfiguration.withActuator(context.getBean(AccessPolicy.class));
        Set<Routes.Route> routes = Routes.of(context);
        assertThat(routes).as("routes found in the context").isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (Routes.Route route : routes) {
            String path = route.samplePath();
            Optional<AccessPolicy.Rule> rule = policy.ruleFor(route.method(), path);
            if (rule.isEmpty()) {
                failures.add(route + ": no access rule covers it");
                continue;
            }
            if (rule.get().isPublic()) {
                expect(failures, route, "public, no token", call(route.method(), path, null), 200, 599, 401, 403);
                continue;
            }
            if (rule.get().anyCaller()) {
                // who am I: any valid credential, even one without scopes, and nothing without one
                expect(failures, route, "no token", call(route.method(), path, null), 401, 401);
                expect(failures, route, "wrong token", call(route.method(), path, "not-a-token"), 401, 401);
                expect(failures, route, "token without scopes", call(route.method(), path, TestTokens.NO_SCOPES),
                        200, 599, 401, 403);
                for (String spelling : spellings(path)) {
                    expect(failures, route, "no token at " + spelling, call(route.method(), spelling, null), 400, 401);
                    expect(failures, route, "token without scopes at " + spelling, call(route.method(), spelling,
                            TestTokens.NO_SCOPES), 400, 404);
                }
                continue;
            }
            String scope = rule.get().scope();
            int anonymous = call(route.method(), path, null);
            expect(failures, route, "no token", anonymous, 401, 401);
            expect(failures, route, "wrong token", call(route.method(), path, "not-a-token"), 401, 401);
            expect(failures, route, "token without " + scope, call(route.method(), path, TestTokens.NO_SCOPES), 403,
                    403);
            expect(failures, route, "token with only another scope", call(route.method(), path,
                    TestTokens.only(otherScope(scope))), 403, 403);
            if (!notToRunWithTheRightScope().contains(route)) {
                expect(failures, route, "token with " + scope, call(route.method(), path, TestTokens.only(scope)),
                        200, 599, 401, 403);
                // a rule that accepts any of several scopes lets each of them through
                for (String alternative : rule.get().alsoAccepted()) {
                    expect(failures, route, "token with " + alternative, call(route.method(), path,
                            TestTokens.only(alternative)), 200, 599, 401, 403);
                }
            }
            for (String spelling : spellings(path)) {
                expect(failures, route, "no token at " + spelling, call(route.method(), spelling, null), 400, 401);
                int lacking = call(route.method(), spelling, TestTokens.NO_SCOPES);
                expect(failures, route, "token without " + scope + " at " + spelling, lacking, 400, 404);
            }
        }
        assertThat(failures).as("route walk over " + routes.size() + " routes").isEmpty();
    }

    private static String otherScope(String scope) {
        return scope.equals(io.firebreak.support.security.Scopes.INCIDENTS_READ)
                ? io.firebreak.support.security.Scopes.INTEGRATIONS_INGEST
                : io.firebreak.support.security.Scopes.INCIDENTS_READ;
    }

    /** The same route spelled the ways a filter written by hand gets wrong. */
    static List<String> spellings(String path) {
        List<String> spellings = new ArrayList<>();
        spellings.add("/%" + Integer.toHexString(path.charAt(1)) + path.substring(2));
        spellings.add("/" + path);
        spellings.add(path.replaceFirst("/([^/]+)/", "/$1//"));
        spellings.add(path + "/");
        spellings.add(path.toUpperCase());
        return spellings;
    }

    /** Fails unless {@code status} is within [low, high] and none of {@code never}. */
    private static void expect(List<String> failures, Routes.Route route, String what, int status, int low, int high,
            int... never) {
        boolean ok = status >= low && status <= high && status != 500;
        for (int forbidden : never) {
            ok &= status != forbidden;
        }
        if (!ok) {
            failures.add(route + " (" + what + "): " + status);
        }
    }

    private int call(HttpMethod method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method == HttpMethod.GET || method == HttpMethod.DELETE) {
            request.method(method.name(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method.name(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        // headers only: a live stream (SSE) never ends, so the body is cancelled unread
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofPublisher());
        response.body().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        return response.statusCode();
    }
}
