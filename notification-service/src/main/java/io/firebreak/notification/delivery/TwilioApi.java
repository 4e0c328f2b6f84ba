package io.firebreak.notification.delivery;

import io.firebreak.notification.config.NotificationProperties;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A Twilio-compatible REST API (Twilio's own, or any provider speaking its 2010-04-01 shape): resources are created
 * by a form-encoded POST to {@code {base}/2010-04-01/Accounts/{AccountSid}/<Resource>.json} with HTTP Basic auth
 * (account SID and auth token).
 */
@Component
public class TwilioApi {

    private final NotificationProperties.Twilio twilio;
    private final ProviderHttp http;

    public TwilioApi(NotificationProperties properties, ProviderHttp http) {
        this.twilio = properties.contact().twilio();
        this.http = http;
    }

    public boolean configured() {
        return twilio.enabled();
    }

    /** Messages.json: To, From, Body. */
    public void message(String to, String body) throws Exception {
        create("Messages", form("To", to, "Body", body));
    }

    /** Calls.json: To, From, Twiml (the call's instructions inline, so no TwiML URL has to be reachable). */
    public void call(String to, String twiml) throws Exception {
        create("Calls", form("To", to, "Twiml", twiml));
    }

    private Map<String, String> form(String k1, String v1, String k2, String v2) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(k1, v1);
        form.put("From", twilio.from());
        form.put(k2, v2);
        return form;
    }

    private void create(String resource, Map<String, String> form) throws Exception {
        String base = twilio.baseUrl().endsWith("/") ? twilio.baseUrl().substring(0, twilio.baseUrl().length() - 1)
                : twilio.baseUrl();
        String credentials = Base64.getEncoder().encodeToString((twilio.accountSid() + ":" + twilio.authToken())
                .getBytes(StandardCharsets.UTF_8));
        http.send(HttpRequest.newBuilder(URI.create(base + "/2010-04-01/Accounts/"
                        + URLEncoder.encode(twilio.accountSid(), StandardCharsets.UTF_8) + "/" + resource + ".json"))
                .timeout(ProviderHttp.TIMEOUT)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))))
                .build());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
