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
        assertThat(IncCommandLine.parse("lead <@U123|ana>")).isEqualTo(new IncCommandLine.Assign(Role.LEAD, "<@U123|ana>", false));
        assertThat(IncCommandLine.parse("comms <@U124>")).isEqualTo(new IncCommandLine.Assign(Role.COMMS, "<@U124>", false));
        assertThat(IncCommandLine.parse("investigator <@U125|cem>"))
                .isEqualTo(new IncCommandLine.Assign(Role.INVESTIGATOR, "<@U125|cem>", false));
        assertThat(IncCommandLine.parse("investigator <@U126|dan> --add"))
                .isEqualTo(new IncCommandLine.Assign(Role.INVESTIGATOR, "<@U126|dan>", true));
        assertThat(IncCommandLine.parse("note decision roll back"))
                .isEqualTo(new IncCommandLine.Note(NoteKind.DECISION, "roll back"));
        assertThat(IncCommandLine.parse("note the graphs look odd"))
                .isEqualTo(new IncCommandLine.Note(NoteKind.NOTE, "the graphs look odd"));
        assertThat(IncCommandLine.parse("page payments need help"))
                .isEqualTo(new IncCommandLine.Page("payments", "need help"));
        assertThat(IncCommandLine.parse("resolve rolled back deploy 42"))
                .isEqualTo(new IncCommandLine.Resolve("rolled back deploy 42"));
        assertThat(IncCommandLine.parse("contain flag contained checkout-v2 switched off"))
                .isEqualTo(new IncCommandLine.Contain(ContainmentLever.FEATURE_FLAG_OFF, ContainmentOutcome.CONTAINED,
                        "checkout-v2 switched off"));
        assertThat(IncCommandLine.parse("contain deploy not-contained")).isEqualTo(new IncCommandLine.Contain(
                ContainmentLever.DEPLOY_ROLLBACK, ContainmentOutcome.NOT_CONTAINED, ""));
        assertThat(IncCommandLine.parse("contain Migration n/a no migration in this release")).isEqualTo(
                new IncCommandLine.Contain(ContainmentLever.MIGRATION_ROLLBACK, ContainmentOutcome.NOT_APPLICABLE,
                        "no migration in this release"));
        assertThat(IncCommandLine.parse("contain data_correction na")).isEqualTo(new IncCommandLine.Contain(
                ContainmentLever.DATA_CORRECTION, ContainmentOutcome.NOT_APPLICABLE, ""));
        assertThat(IncCommandLine.parse("identified the retry loop exhausts the pool"))
                .isEqualTo(new IncCommandLine.Identified("the retry loop exhausts the pool"));
        assertThat(IncCommandLine.parse("bridge <https://meet.example.com/inc-7>"))
                .isEqualTo(new IncCommandLine.Bridge("<https://meet.example.com/inc-7>"));
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
        assertThat(IncCommandLine.parse("lead <@U1> --add")).isInstanceOf(IncCommandLine.Help.class)
                .extracting(h -> ((IncCommandLine.Help) h).problem()).asString().contains("investigators only");
        assertThat(IncCommandLine.parse("investigator <@U1> --also")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("contain")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("contain flag")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("contain rollback contained")).isInstanceOf(IncCommandLine.Help.class)
                .extracting(h -> ((IncCommandLine.Help) h).problem()).asString()
                .contains("flag, deploy, migration, data").contains("contained, not-contained, n/a");
        assertThat(IncCommandLine.parse("contain flag maybe")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("identified")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("bridge")).isInstanceOf(IncCommandLine.Help.class);
        assertThat(IncCommandLine.parse("bridge https://a.example https://b.example"))
                .isInstanceOf(IncCommandLine.Help.class);
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
