package io.firebreak.debrief.web;

import io.firebreak.debrief.domain.DurationSummary;
import io.firebreak.debrief.domain.IncidentSeverity;
import io.firebreak.debrief.readmodel.FollowUp;
import io.firebreak.debrief.readmodel.IncidentRecord;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the console's insights chart, month by month (UTC): mean/median/p90 time to acknowledge, mitigate and resolve
 * per severity (measured as {@code /api/v1/metrics} measures them: from detection, else the declaration), incidents
 * per affected service, and follow-up completion by the month the follow-ups were created. Every month of the period
 * is listed, empty ones too, so a chart's axis has no gaps.
 */
public record Insights(Instant from, Instant to, boolean drillsIncluded, int count, List<YearMonth> months,
        List<MonthSeverity> responseTimes, List<ServiceIncidents> incidentsPerService,
        List<MonthFollowUps> followUps) {

    /** One severity in one month: how many incidents were declared and how long they took. */
    public record MonthSeverity(YearMonth month, IncidentSeverity severity, int count,
            DurationSummary timeToAcknowledge, DurationSummary timeToMitigate, DurationSummary timeToResolve) {
    }

    /** Incidents that named a service as affected, by severity; an incident naming it twice counts once. */
    public record ServiceIncidents(String service, int count, int critical, int major, int minor) {
    }

    /**
     * Follow-ups created in a month and where they stand now; {@code completedShare} is completed / created (null
     * when none were created).
     */
    public record MonthFollowUps(YearMonth month, int created, int completed, int notDoing, int outstanding,
            int overdue, Double completedShare) {
    }

    /** {@code incidents} declared in [from, to) (drills already left out or not), {@code followUps} created then. */
    static Insights of(Instant from, Instant to, boolean drillsIncluded, List<IncidentRecord> incidents,
            List<FollowUp> followUps) {
        List<YearMonth> months = months(from, to);
        List<MonthSeverity> responseTimes = new ArrayList<>();
        for (YearMonth month : months) {
            for (IncidentSeverity severity : IncidentSeverity.values()) {
                List<IncidentRecord> of = incidents.stream().filter(i -> month(i.declaredAt()).equals(month))
                        .filter(i -> severity.name().equals(i.severity())).toList();
                responseTimes.add(new MonthSeverity(month, severity, of.size(),
                        fromStart(of, IncidentRecord::acknowledgedAt), fromStart(of, IncidentRecord::mitigatedAt),
                        fromStart(of, IncidentRecord::resolvedAt)));
            }
        }
        List<MonthFollowUps> completion = new ArrayList<>();
        for (YearMonth month : months) {
            List<FollowUp> created = followUps.stream().filter(f -> month(f.createdAt()).equals(month)).toList();
            int completed = (int) created.stream().filter(f -> "completed".equals(f.status())).count();
            int notDoing = (int) created.stream().filter(f -> "not_doing".equals(f.status())).count();
            completion.add(new MonthFollowUps(month, created.size(), completed, notDoing,
                    created.size() - completed - notDoing, (int) created.stream().filter(FollowUp::overdue).count(),
                    created.isEmpty() ? null : (double) completed / created.size()));
        }
        return new Insights(from, to, drillsIncluded, incidents.size(), months, responseTimes,
                perService(incidents), completion);
    }

    /** Whether [from, to) touches at most {@code max} UTC months (false for instants beyond the calendar). */
    static boolean spansAtMost(Instant from, Instant to, int max) {
        try {
            return month(from).until(month(to.minusNanos(1)), ChronoUnit.MONTHS) < max;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static List<YearMonth> months(Instant from, Instant to) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = month(to.minusNanos(1));
        for (YearMonth month = month(from); !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    private static YearMonth month(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC));
    }

    /** Most incidents first, then by name. The projection keeps affected services joined by ", " (DebriefProjection). */
    private static List<ServiceIncidents> perService(List<IncidentRecord> incidents) {
        Map<String, int[]> counts = new TreeMap<>();
        for (IncidentRecord incident : incidents) {
            Set<String> services = new LinkedHashSet<>(Arrays.stream(incident.affectedServices().split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList());
            for (String service : services) {
                int[] c = counts.computeIfAbsent(service, s -> new int[4]);
                c[0]++;
                switch (incident.severity()) {
                    case "CRITICAL" -> c[1]++;
                    case "MAJOR" -> c[2]++;
                    default -> c[3]++;
                }
            }
        }
        return counts.entrySet().stream()
                .map(e -> new ServiceIncidents(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .sorted(Comparator.comparingInt(ServiceIncidents::count).reversed()
                        .thenComparing(ServiceIncidents::service))
                .toList();
    }

    private static DurationSummary fromStart(List<IncidentRecord> incidents,
            Function<IncidentRecord, Instant> milestone) {
        return DurationSummary.of(incidents.stream().filter(i -> milestone.apply(i) != null)
                .map(i -> Duration.between(i.start(), milestone.apply(i)).toSeconds()).toList());
    }
}
