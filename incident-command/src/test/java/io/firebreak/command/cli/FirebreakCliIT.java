package io.firebreak.command.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.cli.FirebreakCli;
import io.firebreak.command.support.Api;
import io.firebreak.command.support.IncidentCommandIntegrationTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CLI's main entry point (module firebreak-cli, a test dependency here) against a started incident-command,
 * as a responder would use it.
 */
@IncidentCommandIntegrationTest
class FirebreakCliIT {

    @LocalServerPort
    int port;

    record Result(int exitCode, String out, String err) {
    }

    Result firebreak(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FirebreakCli.run(args, env, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    Result firebreak(String... args) {
        return firebreak(Map.of("FIREBREAK_URL", "http://127.0.0.1:" + port, "FIREBREAK_TOKEN", Api.WRITER), args);
    }

    @Test
    void runsAnIncidentFromOpenToResolve() {
        Result open = firebreak("incident", "open", "--sev", "2", "--summary", "Checkout p99 elevated",
                "--customer-impact", "--service", "checkout");
        assertThat(open.exitCode()).as(open.err()).isZero();
        Matcher reference = Pattern.compile("Declared (INC-\\d+) in #inc-\\d{4}-\\d{2}-\\d{2}-checkout-p99-elevated")
                .matcher(open.out());
        assertThat(reference.find()).as(open.out()).isTrue();
        String ref = reference.group(1);
        assertThat(open.out()).contains("MAJOR (reported as SEV2)").contains("Customer impact: yes")
                .contains("Services:        checkout");

        Result list = firebreak("incident", "list", "--open");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).startsWith("REFERENCE").contains(ref).contains("Checkout p99 elevated");

        Result update = firebreak("incident", "update", ref, "--happening", "p99 at 2s", "--affected", "EU shoppers",
                "--doing", "Scaling out", "--next", "30m", "--customer");
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).contains("Latest update:   p99 at 2s").contains("Next update:");

        assertThat(firebreak("incident", "status", ref, "fixing").out()).contains(ref + " is now FIXING");

        Result resolve = firebreak("incident", "resolve", ref, "--resolution", "Scaled out", "--json");
        assertThat(resolve.exitCode()).isZero();
        assertThat(resolve.out()).contains("\"status\" : \"RESOLVED\"").contains("\"resolution\" : \"Scaled out\"");

        Result show = firebreak("incident", "show", ref);
        assertThat(show.out()).contains("Status:          RESOLVED").contains("Resolution:      Scaled out");
    }

    @Test
    void declaresSecurityIncidentsAndDrillsAndRunsTheContainmentChecklist() {
        String service = "vault-" + java.util.UUID.randomUUID();
        Result open = firebreak("incident", "declare", "--sev", "2", "--summary", "Signing keys in a public gist",
                "--exposure", "keys", "--bridge", "https://meet.example.com/sec-7", "--service", service);
        assertThat(open.exitCode()).as(open.err()).isZero();
        Matcher declared = Pattern.compile("Declared (INC-\\d+) in #inc-").matcher(open.out());
        assertThat(declared.find()).as(open.out()).isTrue();
        String ref = declared.group(1);
        assertThat(open.out()).contains("CRITICAL (reported as SEV2)", "Type:            SECURITY",
                "Exposure:        KEYS", "Video bridge:    https://meet.example.com/sec-7");

        // alike the open incident, no terminal to ask: listed, refused, and --force suggested
        Result duplicate = firebreak("incident", "open", "--sev", "2", "--summary", "Signing keys in a gist",
                "--service", service);
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err()).contains("Open incidents that look like this one:", ref, "(field: title)",
                "hint: join one of them, or declare anyway with --force");
        Result drill = firebreak("incident", "drill", "--sev", "2", "--summary", "Signing keys in a gist",
                "--service", service);
        assertThat(drill.exitCode()).as("a drill is never a duplicate: " + drill.err()).isZero();
        assertThat(drill.out()).containsPattern("Declared DRILL INC-\\d+ in #drill-").contains("(DRILL)");

        Result early = firebreak("incident", "containment", ref, "deploy-rollback", "contained");
        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.err()).contains("409", "record FEATURE_FLAG_OFF before DEPLOY_ROLLBACK", "(field: lever)");
        Result skipped = firebreak("incident", "containment", ref, "feature-flag-off", "not-applicable", "--note",
                "No flag guards signing");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.out()).contains("FEATURE_FLAG_OFF    NOT_APPLICABLE  Tess Writer  No flag guards signing",
                "DEPLOY_ROLLBACK     pending");
        assertThat(firebreak("incident", "containment", ref, "deploy-rollback", "contained", "--note", "Back on 41")
                .exitCode()).isZero();
        Result identified = firebreak("incident", "identified", ref, "A debug endpoint printed the key ring");
        assertThat(identified.out()).contains(ref + " identified: A debug endpoint printed the key ring");
        assertThat(firebreak("incident", "bridge", ref, "http://meet.example.com/x").err())
                .contains("422 'url' must be an absolute https URL (field: url)");

        assertThat(firebreak("incident", "investigator", ref, "--id", "u-ivy", "--name", "Ivy").exitCode()).isZero();
        Result added = firebreak("incident", "investigator", ref, "--id", "u-jo", "--name", "Jo", "--add");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Jo also investigates " + ref, "Investigators:   Ivy, Jo",
                "Containment:     FEATURE_FLAG_OFF NOT_APPLICABLE, DEPLOY_ROLLBACK CONTAINED");
    }

    /** Issue 17: the comms owner's controls, with a token that holds only statuspage:write. */
    @Test
    void theCommsOwnerRunsTheStatusPage() {
        Result open = firebreak("incident", "open", "--sev", "1", "--summary", "pg-payments-01 replication lag",
                "--service", "payments-" + java.util.UUID.randomUUID());
        assertThat(open.exitCode()).as(open.err()).isZero();
        Matcher declared = Pattern.compile("Declared (INC-\\d+) in #inc-").matcher(open.out());
        assertThat(declared.find()).as(open.out()).isTrue();
        String ref = declared.group(1);
        Matcher idRow = Pattern.compile("Id:\\s+(\\S+)").matcher(open.out());
        assertThat(idRow.find()).as(open.out()).isTrue();
        // a credential without incidents:read cannot look a reference up: the comms owner names the incident by id
        String id = idRow.group(1);
        Map<String, String> comms = Map.of("FIREBREAK_URL", "http://127.0.0.1:" + port, "FIREBREAK_TOKEN",
                io.firebreak.support.testing.TestTokens.only(io.firebreak.support.security.Scopes.STATUSPAGE_WRITE));

        assertThat(firebreak(comms, "incident", "publish", ref).err()).contains("403", "incidents:read");
        assertThat(firebreak(comms, "incident", "publish", id, "--title", "pg-payments-01 replication LAG").err())
                .contains("422 the public title must not be the internal title (field: publicTitle)");
        Result published = firebreak(comms, "incident", "publish", id, "--title", "Card payments are slow");
        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(published.out()).contains(ref + " is published on the status page",
                "Status page:     published by hand", "Public title:    Card payments are slow");
        Result component = firebreak(comms, "incident", "component", id, "checkout", "degraded_performance");
        assertThat(component.exitCode()).as(component.err()).isZero();
        assertThat(component.out()).contains("Components:      checkout DEGRADED_PERFORMANCE");
        assertThat(firebreak(comms, "incident", "wording", id, "--message", "Payments take longer than usual.")
                .out()).contains("Public message:  Payments take longer than usual.");
        assertThat(firebreak(comms, "incident", "customer-email", id).out()).contains("Customer e-mail: sent ");
        assertThat(firebreak(comms, "incident", "hide", id, "--reason", "Recovered").out())
                .contains("Status page:     hidden by hand");
        // the comms credential runs the status page, not the incident
        Result note = firebreak(comms, "incident", "note", id, "hello");
        assertThat(note.exitCode()).isEqualTo(1);
        assertThat(note.err()).contains("403");

        Result update = firebreak("incident", "update", ref, "--customer", "--happening", "Payments are slow",
                "--affected", "Card payers", "--doing", "Failing over", "--what-you-can-do", "Retry in a few minutes");
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).contains("What you can do: Retry in a few minutes");
    }

    @Test
    void exitsNonZeroWithTheServersProblemDetail() {
        Result missingFields = firebreak("incident", "open", "--sev", "9", "--summary", "x");
        assertThat(missingFields.exitCode()).isEqualTo(1);
        assertThat(missingFields.err()).contains("error: 400").contains("(field: severity)");

        Result unknown = firebreak("incident", "show", "INC-999999");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("404 No incident INC-999999");

        Result secret = firebreak("incident", "open", "--sev", "3", "--summary", "card 4111 1111 1111 1111 leaked");
        assertThat(secret.exitCode()).isEqualTo(1);
        assertThat(secret.err()).contains("422").contains("(field: title)").doesNotContain("4111");
    }

    @Test
    void explainsUsageAndConfiguration() {
        Result help = firebreak("incident", "update", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--happening").contains("--next");

        assertThat(firebreak("incident", "open", "--summary", "no severity").exitCode()).isEqualTo(2);
        Result noToken = firebreak(Map.of("FIREBREAK_URL", "http://127.0.0.1:" + port), "incident", "list");
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.err()).contains("FIREBREAK_TOKEN is not set");
        Result unreachable = firebreak(Map.of("FIREBREAK_URL", "http://127.0.0.1:9", "FIREBREAK_TOKEN", "t"),
                "incident", "list");
        assertThat(unreachable.exitCode()).isEqualTo(3);
    }
}
