package io.firebreak.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void readsTheFiguresOfTheLastRunsTableByScenarioFromEitherLayout() {
        String oldLayout = """
                | | |
                |---|---|
                | date | 2026-11-26 |

                | scenario | figure | baseline / target | verdict |
                |---|---|---|---|
                | Replay (debrief projection) | 3352 events/s (17966 events); raw consumer 15145 msg/s | 0.22× raw | missed |
                """ + Report.MARKER + "\n| Replay (debrief projection) | hand-written text below the marker | | |\n";
        assertThat(Report.figures(oldLayout))
                .containsEntry("date", "2026-11-26")
                .containsEntry("Replay (debrief projection)", "3352 events/s (17966 events); raw consumer 15145 msg/s")
                .doesNotContainKey("scenario");

        String newLayout = """
                | scenario | figure | previous run (2026-11-26) | baseline / target | verdict |
                |---|---|---|---|---|
                | Start-up with class-data archives, all four at once | a 9000 ms; all healthy after 9000 ms | (new) | whole stack < 15 s | met |
                """;
        assertThat(Report.figures(newLayout)).containsEntry("Start-up with class-data archives, all four at once",
                "a 9000 ms; all healthy after 9000 ms");
    }
}
