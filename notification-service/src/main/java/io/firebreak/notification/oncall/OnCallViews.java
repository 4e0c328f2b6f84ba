package io.firebreak.notification.oncall;

import java.time.Instant;
import java.util.List;

/** What the on-call API answers; field names are the JSON names. */
public final class OnCallViews {

    private OnCallViews() {
    }

    public record PersonRef(String id, String name) {
    }

    /** Who is on call at {@code at}, per schedule and per service (its owning team's schedule). */
    public record OnCallNow(Instant at, List<ScheduleOnCall> schedules, List<ServiceOnCall> services) {
    }

    public record ScheduleOnCall(String scheduleId, String name, List<PersonRef> onCall) {
    }

    public record ServiceOnCall(String serviceId, String name, String teamId, String scheduleId,
            List<PersonRef> onCall) {
    }

    public record ShiftView(String personId, String personName, Instant start, Instant end) {
    }

    public record Shifts(String scheduleId, Instant from, Instant to, List<ShiftView> shifts) {
    }
}
