package io.firebreak.notification.domain.oncall;

/** How a rotation counts its shifts: in hours (absolute), or in calendar days or weeks of its time zone. */
public enum RotationType {
    HOURLY,
    DAILY,
    WEEKLY
}
