package io.firebreak.statuspage.subscribers.web;

import io.firebreak.support.problem.ApiProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Where webhooks may point: https with a host; plain http only to loopback, and only when allowed (tests, local). */
final class WebhookUrls {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private WebhookUrls() {
    }

    static String validate(String url, boolean allowLoopbackHttp) {
        if (url == null || url.isBlank()) {
            throw ApiProblem.invalid("url", "'url' is required");
        }
        if (url.length() > 2048) {
            throw ApiProblem.invalid("url", "'url' is longer than 2048 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ApiProblem.invalid("url", "'url' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getRawFragment() != null) {
            throw ApiProblem.invalid("url", "'url' needs a host and no fragment");
        }
        boolean https = scheme.equals("https");
        boolean loopbackHttp = scheme.equals("http") && allowLoopbackHttp && LOOPBACK.contains(host);
        if (!https && !loopbackHttp) {
            throw ApiProblem.invalid("url", "'url' must be https");
        }
        return uri.toString();
    }
}
