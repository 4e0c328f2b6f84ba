package io.firebreak.notification.domain.oncall;

import java.util.List;

/** Who is on call for something: layers of rotations, temporary schedules, and (stored apart) overrides. */
public record Schedule(String id, String name, String timeZone, List<Layer> layers,
        List<TemporarySchedule> temporarySchedules) {

    public Schedule {
        // a rotation without a time zone of its own counts in the schedule's
        layers = layers == null ? List.of() : layers.stream().map(l -> l == null || l.rotation() == null
                || l.rotation().timeZone() != null ? l : new Layer(withZone(l.rotation(), timeZone), l.activeWindow()))
                .toList();
        temporarySchedules = temporarySchedules == null ? List.of() : List.copyOf(temporarySchedules);
    }

    private static Rotation withZone(Rotation r, String zone) {
        return new Rotation(r.id(), r.name(), r.type(), r.shiftLength(), r.handoffTime(), r.startDate(), zone,
                r.participants());
    }
}
