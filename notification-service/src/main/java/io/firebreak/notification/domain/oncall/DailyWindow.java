package io.firebreak.notification.domain.oncall;

import java.time.LocalTime;

/** Part of each day (in the schedule's time zone) a layer covers; {@code to} before {@code from} runs past midnight. */
public record DailyWindow(LocalTime from, LocalTime to) {

    public boolean contains(LocalTime time) {
        return !from.isAfter(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
    }
}
