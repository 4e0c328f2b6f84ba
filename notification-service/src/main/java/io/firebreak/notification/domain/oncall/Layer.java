package io.firebreak.notification.domain.oncall;

/**
 * One layer of a schedule: a rotation, active all day or only within {@code activeWindow}. Where several layers
 * are active, the last one listed wins (a "follow the sun" or weekday layer on top of a base rotation).
 */
public record Layer(Rotation rotation, DailyWindow activeWindow) {
}
