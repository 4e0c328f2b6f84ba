package io.firebreak.statuspage.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A component's uptime over the last days, as Statuspage computes it: a major outage counts in full, a partial outage
 * at 30 %, degraded performance not at all; each day is coloured by the worst public impact it saw.
 */
public final class Uptime {

    private static final double PARTIAL_WEIGHT = 0.3;

    private Uptime() {
    }

    /** A published incident's effect on a component: {@code status} (major_outage…) from {@code from} to {@code to}. */
    public record Outage(String status, Instant from, Instant to) {
    }

    /** One day: its date and the worst component status it saw ("operational" when none). */
    public record Day(LocalDate date, String worst) {
    }

    /** Days oldest first, and the uptime percentage over them. */
    public record Bar(List<Day> days, double percent) {
    }

    public static Bar of(List<Outage> outages, Instant now, int days) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant windowStart = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Day> result = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            String worst = "operational";
            for (Outage outage : outages) {
                Instant to = outage.to() == null ? now : outage.to();
                if (outage.from().isBefore(dayEnd) && to.isAfter(dayStart)
                        && PublicLanguage.componentRank(outage.status()) > PublicLanguage.componentRank(worst)) {
                    worst = outage.status();
                }
            }
            result.add(new Day(day, worst));
        }
        double total = Duration.between(windowStart, now).toSeconds();
        double down = 0;
        for (Outage outage : outages) {
            Instant from = outage.from().isBefore(windowStart) ? windowStart : outage.from();
            Instant to = outage.to() == null || outage.to().isAfter(now) ? now : outage.to();
            if (to.isAfter(from)) {
                double seconds = Duration.between(from, to).toSeconds();
                down += switch (outage.status()) {
                    case "major_outage" -> seconds;
                    case "partial_outage" -> seconds * PARTIAL_WEIGHT;
                    default -> 0;
                };
            }
        }
        // overlapping outages must not count twice: never below zero
        double percent = total <= 0 ? 100.0 : Math.max(0, 100.0 * (total - Math.min(down, total)) / total);
        return new Bar(List.copyOf(result), Math.floor(percent * 100) / 100);
    }
}
