package io.firebreak.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.notification.engine.HandOffAnnouncer;
import io.firebreak.notification.support.Api;
import io.firebreak.notification.support.MutableClock;
import io.firebreak.notification.support.NotificationIntegrationTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 14, "Hand-offs are announced in the team channel": a daily rotation hands over from one person to the other;
 * the team's channel is told once, naming both, however many instances look at the same moment.
 */
@NotificationIntegrationTest
class HandOffIT {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    HandOffAnnouncer announcer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHandOffIsAnnouncedInTheTeamChannelExactlyOnce() {
        WebTestClient client = Api.asWriter(anonymous);
        String s = UUID.randomUUID().toString().substring(0, 8);
        ZonedDateTime handOff = MutableClock.INSTANCE.instant().atZone(ZoneOffset.UTC).plusMinutes(3)
                .truncatedTo(ChronoUnit.MINUTES);
        for (String p : List.of("h1", "h2")) {
            post(client, "/api/v1/people", "{\"id\":\"" + p + "-" + s + "\",\"name\":\"" + p.toUpperCase() + " " + s
                    + "\",\"slackUserId\":\"U" + p.toUpperCase() + s + "\"}");
        }
        post(client, "/api/v1/schedules", """
                {"id":"sch-%1$s","name":"Primary %1$s","timeZone":"UTC","layers":[{"rotation":{
                 "id":"rot-%1$s","name":"Daily","type":"DAILY","shiftLength":1,"handoffTime":"%2$s",
                 "startDate":"%3$s","participants":["h1-%1$s","h2-%1$s"]}}]}"""
                .formatted(s, handOff.toLocalTime().toString(), handOff.toLocalDate().minusDays(1)));
        post(client, "/api/v1/teams", """
                {"id":"team-%1$s","name":"Team %1$s","slackChannel":"handoffs-%1$s","scheduleId":"sch-%1$s"}"""
                .formatted(s));
        Instant at = handOff.toInstant();

        int before = announcer.announceDue(at.minusSeconds(30));
        int first = announcer.announceDue(at.plusSeconds(5));
        // two instances polling at the same moment, and a later poll
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> announcer.announceDue(at.plusSeconds(6)));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> announcer.announceDue(at.plusSeconds(6)));
        int later = announcer.announceDue(at.plusSeconds(60));

        assertThat(before).as("nothing to announce before the hand-off").isZero();
        assertThat(first + one.join() + two.join() + later).as("announced once").isEqualTo(1);
        List<Map<String, Object>> messages = jdbc.queryForList(
                "SELECT target, text, incident_id FROM slack_message WHERE message_id LIKE ?", "handoff:team-" + s + ":%");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).containsEntry("target", "#handoffs-" + s);
        assertThat((String) messages.get(0).get("text")).contains("On call for *Team " + s + "*")
                .contains("from now: <@UH2" + s + "> (H2 " + s + ")").contains("Handing over: <@UH1" + s + ">");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM handoff_announcement WHERE team_id = ?", Long.class,
                "team-" + s)).isOne();
    }

    private static void post(WebTestClient client, String path, String json) {
        client.post().uri(path).header("Content-Type", "application/json").bodyValue(json).exchange().expectStatus()
                .isEqualTo(HttpStatus.CREATED);
    }
}
