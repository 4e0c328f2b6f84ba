package io.firebreak.debrief.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.debrief.domain.DebriefCompleteness.Action;
import io.firebreak.debrief.domain.DebriefForm.Section;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebriefCompletenessTest {

    private static final LocalDate DUE = LocalDate.of(2030, 1, 15);

    @Test
    void treatsBlankPromptsAndToDoMarkersAsPlaceholders() {
        assertThat(DebriefCompleteness.placeholder(null)).isTrue();
        assertThat(DebriefCompleteness.placeholder(" \n ")).isTrue();
        assertThat(DebriefCompleteness.placeholder("_What this showed about our systems or organisation._")).isTrue();
        assertThat(DebriefCompleteness.placeholder("TBD.")).isTrue();
        assertThat(DebriefCompleteness.placeholder("...")).isTrue();
        assertThat(DebriefCompleteness.placeholder("None")).as("an answer someone chose").isFalse();
        assertThat(DebriefCompleteness.placeholder("_prompt_\n\n- a derived note")).isFalse();
        assertThat(DebriefCompleteness.placeholder("_a_ and _b_")).isFalse();
    }

    @Test
    void namesEveryEmptySectionOfTheFormAndTheFollowUps() {
        Map<Section, String> texts = new EnumMap<>(Section.class);
        for (Section section : DebriefForm.FULL.sections()) {
            texts.put(section, "Something real");
        }
        texts.put(Section.RISKS_AND_LEARNINGS, "_What this showed about our systems or organisation._");
        texts.put(Section.FOLLOW_UPS, "_No follow-up actions yet. Add them with owners and due dates._");
        assertThat(DebriefCompleteness.missing(DebriefForm.FULL, texts, List.of(), null))
                .containsExactly("risks-and-learnings", "followUps");
    }

    @Test
    void countsOnlyFollowUpsWithAnOwnerAndADueDateThatAreNotDropped() {
        Map<Section, String> texts = new EnumMap<>(Section.class);
        DebriefForm.OPTIONAL.sections().forEach(s -> texts.put(s, "text"));
        assertThat(DebriefCompleteness.missing(DebriefForm.OPTIONAL, texts,
                List.of(new Action("Ana", null, FollowUpStatus.OUTSTANDING),
                        new Action("Ana", DUE, FollowUpStatus.NOT_DOING)), null)).containsExactly("followUps");
        assertThat(DebriefCompleteness.missing(DebriefForm.OPTIONAL, texts,
                List.of(new Action("Ana", DUE, FollowUpStatus.COMPLETED)), null)).isEmpty();
        assertThat(DebriefCompleteness.missing(DebriefForm.OPTIONAL, texts, List.of(), "Vendor fix, their RCA"))
                .isEmpty();
        assertThat(DebriefCompleteness.missing(DebriefForm.OPTIONAL, texts, List.of(), "TODO"))
                .containsExactly("followUps");
    }
}
