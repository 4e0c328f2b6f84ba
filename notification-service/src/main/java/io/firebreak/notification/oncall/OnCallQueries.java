package io.firebreak.notification.oncall;

import io.firebreak.notification.domain.oncall.OnCallCalendar;
import io.firebreak.notification.domain.oncall.OnCallModel;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Schedule;
import io.firebreak.notification.domain.oncall.Shift;
import io.firebreak.notification.domain.oncall.Team;
import io.firebreak.notification.oncall.OnCallViews.OnCallNow;
import io.firebreak.notification.oncall.OnCallViews.PersonRef;
import io.firebreak.notification.oncall.OnCallViews.ScheduleOnCall;
import io.firebreak.notification.oncall.OnCallViews.ServiceOnCall;
import io.firebreak.notification.oncall.OnCallViews.ShiftView;
import io.firebreak.notification.oncall.OnCallViews.Shifts;
import io.firebreak.support.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/**
 * Who is on call now or at a time, the shifts of a range, and the same shifts as iCalendar feeds per schedule and
 * per person (ical4j). Blocking: call it off the event loop.
 */
@Component
public class OnCallQueries {

    /** A calendar feed covers a week back and {@link #FEED_AHEAD} ahead. */
    static final Duration FEED_BACK = Duration.ofDays(7);
    static final Duration FEED_AHEAD = Duration.ofDays(90);

    private final OnCallDirectory directory;
    private final Clock clock;

    public OnCallQueries(OnCallDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public OnCallNow onCall(Instant requested) {
        Instant at = requested == null ? clock.instant() : requested;
        OnCallModel model = directory.model();
        List<ScheduleOnCall> schedules = model.schedules().values().stream()
                .map(s -> new ScheduleOnCall(s.id(), s.name(), people(model, s, at))).toList();
        List<ServiceOnCall> services = model.services().values().stream().map(service -> {
            Team team = model.teams().get(service.teamId());
            Schedule schedule = team == null || team.scheduleId() == null ? null
                    : model.schedules().get(team.scheduleId());
            return new ServiceOnCall(service.id(), service.name(), service.teamId(),
                    schedule == null ? null : schedule.id(), schedule == null ? List.of() : people(model, schedule, at));
        }).toList();
        return new OnCallNow(at, schedules, services);
    }

    public Shifts shifts(String scheduleId, Instant from, Instant to) {
        Instant start = from == null ? clock.instant() : from;
        Instant end = to == null ? start.plus(Duration.ofDays(14)) : to;
        if (!start.isBefore(end)) {
            throw ApiProblem.invalid("to", "'to' must be after 'from'");
        }
        if (Duration.between(start, end).compareTo(OnCallCalendar.MAX_RANGE) > 0) {
            throw ApiProblem.invalid("to", "a range spans at most " + OnCallCalendar.MAX_RANGE.toDays() + " days");
        }
        OnCallModel model = directory.model();
        Schedule schedule = model.schedules().get(scheduleId);
        if (schedule == null) {
            throw ApiProblem.notFound("schedule with this id");
        }
        return new Shifts(scheduleId, start, end, OnCallCalendar.shifts(schedule, model.overridesOf(scheduleId), start,
                end).stream().map(s -> view(model, s)).toList());
    }

    /** The schedule's shifts as an iCalendar document, one event per shift. */
    public String scheduleCalendar(String scheduleId) {
        OnCallModel model = directory.model();
        Schedule schedule = model.schedules().get(scheduleId);
        if (schedule == null) {
            throw ApiProblem.notFound("schedule with this id");
        }
        Calendar calendar = calendar();
        Instant now = clock.instant();
        for (Shift shift : OnCallCalendar.shifts(schedule, model.overridesOf(scheduleId), now.minus(FEED_BACK),
                now.plus(FEED_AHEAD))) {
            calendar.add(event(model, schedule, shift, name(model, shift.personId()) + " on call: " + schedule.name()));
        }
        return calendar.toString();
    }

    /** One person's shifts in every schedule as an iCalendar document. */
    public String personCalendar(String personId) {
        OnCallModel model = directory.model();
        if (!model.people().containsKey(personId)) {
            throw ApiProblem.notFound("person with this id");
        }
        Calendar calendar = calendar();
        Instant now = clock.instant();
        List<Object[]> events = new ArrayList<>();
        for (Schedule schedule : model.schedules().values()) {
            for (Shift shift : OnCallCalendar.shifts(schedule, model.overridesOf(schedule.id()), now.minus(FEED_BACK),
                    now.plus(FEED_AHEAD))) {
                if (shift.personId().equals(personId)) {
                    events.add(new Object[] {schedule, shift});
                }
            }
        }
        events.sort(Comparator.comparing(e -> ((Shift) e[1]).start()));
        for (Object[] e : events) {
            Schedule schedule = (Schedule) e[0];
            calendar.add(event(model, schedule, (Shift) e[1], "On call: " + schedule.name()));
        }
        return calendar.toString();
    }

    private static Calendar calendar() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Firebreak//On call//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        return calendar;
    }

    private static VEvent event(OnCallModel model, Schedule schedule, Shift shift, String summary) {
        VEvent event = new VEvent(shift.start(), shift.end(), summary);
        event.add(new Uid(schedule.id() + "/" + shift.personId() + "/" + shift.start().getEpochSecond() + "@firebreak"));
        event.add(new Description(name(model, shift.personId()) + " is on call for " + schedule.name() + "."));
        return event;
    }

    private static List<PersonRef> people(OnCallModel model, Schedule schedule, Instant at) {
        return OnCallCalendar.at(schedule, model.overridesOf(schedule.id()), at).stream()
                .map(id -> new PersonRef(id, name(model, id))).toList();
    }

    private static ShiftView view(OnCallModel model, Shift shift) {
        return new ShiftView(shift.personId(), name(model, shift.personId()), shift.start(), shift.end());
    }

    private static String name(OnCallModel model, String personId) {
        Person person = model.people().get(personId);
        return person == null ? personId : person.name();
    }
}
