package io.firebreak.debrief.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.debrief.domain.ContainmentChecklist.Item;
import io.firebreak.debrief.domain.ContainmentChecklist.Step;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainmentChecklistTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void listsTheLeversInTheProcesssOrderWithTheOutcomeOfEachOnesLastStep() {
        List<Item> items = ContainmentChecklist.of(List.of(
                new Step("DATA_CORRECTION", "NOT_APPLICABLE", "no data touched", T, "Ana"),
                new Step("FEATURE_FLAG_OFF", "NOT_CONTAINED", "", T.plusSeconds(60), "Ana"),
                new Step("FEATURE_FLAG_OFF", "CONTAINED", "second flag", T.plusSeconds(120), "Bob")));

        assertThat(items).extracting(Item::lever).containsExactly("FEATURE_FLAG_OFF", "DEPLOY_ROLLBACK",
                "MIGRATION_ROLLBACK", "DATA_CORRECTION");
        assertThat(items).extracting(Item::state).containsExactly("CONTAINED", ContainmentChecklist.NOT_RECORDED,
                ContainmentChecklist.NOT_RECORDED, "NOT_APPLICABLE");
        assertThat(items.get(0).steps()).extracting(Step::note).containsExactly("", "second flag");
        assertThat(items.get(0).label()).isEqualTo("Turn the feature off");
    }

    @Test
    void keepsALeverALaterSchemaAddsAfterTheFour() {
        List<Item> items = ContainmentChecklist.of(List.of(new Step("SHED_LOAD", "CONTAINED", "", T, "Ana")));

        assertThat(items).hasSize(5);
        assertThat(items.get(4)).extracting(Item::lever, Item::label, Item::state)
                .containsExactly("SHED_LOAD", "Shed load", "CONTAINED");
    }
}
