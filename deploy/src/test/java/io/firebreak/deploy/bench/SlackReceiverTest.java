package io.firebreak.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SlackReceiverTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void timesEachChannelsCreationAndAnswersAsTheWebApiDoes() throws Exception {
        try (SlackReceiver slack = new SlackReceiver()) {
            HttpResponse<String> created = call(slack, "conversations.create", "name=inc-7-checkout-down&is_private=false");
            HttpResponse<String> posted = call(slack, "chat.postMessage", "channel=C1&text=hello");

            assertThat(created.body()).contains("\"ok\":true", "\"name\":\"inc-7-checkout-down\"", "\"id\":\"C");
            assertThat(posted.body()).contains("\"ok\":true", "\"channel\":\"C1\"", "\"ts\":\"");
            assertThat(slack.channelCreated("inc-7-checkout-down")).isNotNull();
            assertThat(slack.channelCreated("inc-8-other")).isNull();
            assertThat(slack.calls()).containsEntry("conversations.create", 1L).containsEntry("chat.postMessage", 1L);
        }
    }

    private HttpResponse<String> call(SlackReceiver slack, String method, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer xoxb-test").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
