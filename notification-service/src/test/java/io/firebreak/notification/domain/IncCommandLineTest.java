package io.firebreak.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.notification.domain.IncCommandLine.ActiveStatus;
import io.firebreak.notification.domain.IncCommandLine.NoteKind;
import io.firebreak.notification.domain.IncCommandLine.Role;
import org.junit.jupiter.api.Test;

class IncCommandLineTest {

    @Test
    void readsEverySubcommandOfTheIssue() {
        assertThat(IncCommandLine.parse("declare")).isEqualTo(new IncCommandLine.Declare());
        assertThat(IncCommandLine.parse("update")).isEqualTo(new IncCommandLine.Update());
        assertThat(IncCommandLine.parse("status Fixing")).isEqualTo(new IncCommandLine.Status(ActiveStatus.FIXING));
        assertThat(IncCommandLine.parse("status monitoring"))
                .isEqualTo(new IncCommandLine.Status(ActiveStatus.MONITORING));
        assertThat(IncCommandLine.parse("sev critical")).isEqualTo(new IncCommandLine.Severity("critical"));
        assertThat(IncCommandLine.parse("lead <@U123|ana>")).isEqualTo(new IncCommandLine.Assign(Role.LEAD, "<@U123|ana>"));
        assertThat(IncCommandLine.parse("comms <@U124>")).isEqualTo(new IncCommandLine.Assign(Role.COMMS, "<@U124>"));
        assertThat(IncCommandLine.parse("investigator <@U125|cem>"))
                .isEqualTo(new IncCommandLine.Assign(Role.INVESTIGATOR, "<@U125|cem>"));
        assertThat(IncCommandLine.parse("note decision roll back"))
                .isEqualTo(new IncCommandLine.Note(NoteKind.DECISION, "roll back"));
        assertThat(IncCommandLine.parse("note the graphs look odd"))
                .isEqualTo(new IncCommandLine.Note(NoteKind.NOTE, "the graphs look odd"));
        assertThat(IncCommandLine.parse("page payments need help"))
                .isEqualTo(new IncCommandLine.Page("payments", "need help"));
        assertThat(IncCommandLine.parse("resolve rolled back deploy 42"))
                .isEqualTo(new IncCommandLine.Resolve("rolled back deploy 42"));
        assertThat(IncCommandLine.parse("close")).isEqualTo(new IncCommandLine.Close(null));
        assertThat(IncCommandLine.parse("close https://docs.example.com/debrief"))
                .isEqualTo(new IncCommandLine.Close("https://docs.example.com/debrief"));
        assertThat(IncCommandLine.parse("help")).isEqualTo(new IncCommandLine.Help(null));
        assertThat(IncCommandLine.parse("")).isEqualTo(new IncCommandLine.Help(null));
    }

    @Test
    void wrongUsageReadsAsHelpWithTheReason() {
        assertThat(IncCommandLine.parse("frobnicate")).isInstanceOf(IncCommandLine.Help.class)
                .extracting(h -> ((IncCommandLine.Help) h).problem()).asString().contains("frobnicate");
        assertThat(IncCommandLine.parse("status resolved")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("lead")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("lead ana and ben")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("note decision")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("resolve")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("sev")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("page")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(((IncCommandLine.Help) IncCommandLine.parse("<script>`x`"))).extracting(IncCommandLine.Help::problem)
                .asString().doesNotContain("<script>");
    }

    @Test
    void readsSlackMentions() {
        assertThat(SlackMention.parse("<@U0ANA|ana>")).contains(new SlackMention("U0ANA", "ana"));
        assertThat(SlackMention.parse("<@W0ANA>")).contains(new SlackMention("W0ANA", null));
        assertThat(SlackMention.parse("@ana")).isEmpty();
        assertThat(SlackMention.parse("<#C123|general>")).isEmpty();
    }
}
