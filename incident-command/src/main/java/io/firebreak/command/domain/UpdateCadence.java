package io.firebreak.command.domain;

import io.firebreak.command.api.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How soon the next update is due when an update does not say, per severity (docs/process.md#update-cadence):
 * Critical every 15 minutes, Major every 30, Minor promises none.
 */
public final class UpdateCadence {

    private final Map<Severity, Duration> intervals;

    public UpdateCadence(Map<Severity, Duration> intervals) {
        this.intervals = intervals.isEmpty() ? new EnumMap<>(Severity.class) : new EnumMap<>(intervals);
    }

    public static UpdateCadence defaults() {
        return new UpdateCadence(Map.of(Severity.CRITICAL, Duration.ofMinutes(15),
                Severity.MAJOR, Duration.ofMinutes(30)));
    }

    public Optional<Duration> intervalFor(Severity severity) {
        return Optional.ofNullable(intervals.get(severity));
    }
}
