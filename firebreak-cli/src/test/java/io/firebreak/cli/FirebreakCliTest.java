package io.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the CLI decides before (or without) reaching the API. The commands against a running incident-command are
 * tested in incident-command's {@code FirebreakCliIT}.
 */
class FirebreakCliTest {

    record Result(int exitCode, String out, String err) {
    }

    static Result firebreak(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FirebreakCli.run(args, env, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** As a person at a terminal who answers each question with the next of {@code answers}. */
    static Result firebreakAt(Terminal terminal, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FirebreakCli.run(args, env, terminal, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void printsUsageAndVersion() {
        Result usage = firebreak(Map.of());
        assertThat(usage.exitCode()).isZero();
        assertThat(usage.out()).contains("Usage: firebreak").contains("incident");

        Result help = firebreak(Map.of(), "incident", "open", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--sev").contains("--summary");

        assertThat(firebreak(Map.of(), "--version").out()).startsWith("firebreak ");
    }

    @Test
    void helpListsEveryIncidentCommand() {
        Result help = firebreak(Map.of(), "incident", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("open, declare", "drill", "list", "show", "update", "status", "sev", "lead",
                "comms", "investigator", "note", "impact", "containment", "identified", "bridge", "resolve", "close",
                "page", "ack");
        assertThat(help.out()).doesNotContain("Not available yet", "no API");

        Result containment = firebreak(Map.of("FIREBREAK_TOKEN", "t"), "incident", "containment", "INC-7");
        assertThat(containment.exitCode()).as("the lever and the outcome are missing").isEqualTo(2);
        assertThat(firebreak(Map.of(), "incident", "containment", "--help").out())
                .contains("feature-flag-off, deploy-rollback, migration-rollback, data-correction");
        assertThat(firebreak(Map.of(), "incident", "drill", "--help").out()).contains("--sev", "--summary", "--exposure")
                .as("a drill needs no --drill option").doesNotContainPattern("(?m)^\\s+--drill\\b");

        assertThat(firebreak(Map.of(), "--help").out()).contains("Exit codes:", "3  the API could not be reached");
        assertThat(firebreak(Map.of(), "incident", "close", "--help").out()).contains("debrief is completed");
    }

    @Test
    void usageAndConfigurationErrorsExitTwo() {
        assertThat(firebreak(Map.of(), "incident", "open", "--summary", "no severity").exitCode()).isEqualTo(2);

        Result noToken = firebreak(Map.of(), "incident", "list");
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.err()).contains("FIREBREAK_TOKEN is not set");

        Result badNext = firebreak(Map.of("FIREBREAK_TOKEN", "t"), "incident", "update", "INC-1", "--happening", "x",
                "--next", "soon");
        assertThat(badNext.exitCode()).isEqualTo(2);
        assertThat(badNext.err()).contains("--next takes minutes or hours");
    }

    @Test
    void anUnreachableApiExitsThree() {
        Result unreachable = firebreak(Map.of("FIREBREAK_URL", "http://127.0.0.1:9", "FIREBREAK_TOKEN", "t"),
                "incident", "list");
        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.err()).contains("cannot reach http://127.0.0.1:9");
    }
}
