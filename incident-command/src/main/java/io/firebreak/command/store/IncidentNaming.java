package io.firebreak.command.store;

import io.firebreak.command.domain.ChannelNames;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out the unique names of a new incident: the {@code INC-<n>} reference from a database sequence (gaps
 * allowed) and a channel name claimed atomically by primary key, with a numbered suffix when taken.
 * Blocking: call from the blocking scheduler.
 */
@Component
public class IncidentNaming {

    private static final int MAX_ATTEMPTS = 50;

    /**
     * Claims a name, or finds it already this incident's (a retried declaration): the no-op update happens only
     * then, and one row comes back either way, so no second statement has to ask who owns a taken name.
     */
    private static final String CLAIM = "INSERT INTO channel_name (channel_name, incident_id) VALUES (?, ?)"
            + " ON CONFLICT (channel_name) DO UPDATE SET incident_id = EXCLUDED.incident_id"
            + " WHERE channel_name.incident_id = EXCLUDED.incident_id";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IncidentNaming(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new incident's reference and channel name. */
    public record Names(String reference, String channelName) {
    }

    /**
     * The reference and the channel name of a new incident, in one round trip when the title's own name is free
     * (a numbered suffix takes two more per try). A drill's channel is {@code drill-<date>-<slug>}.
     */
    public Names allocate(String incidentId, String title, boolean drill) {
        String base = baseName(title, drill);
        Names names = jdbc.queryForObject("WITH claimed AS (" + CLAIM + " RETURNING 1)"
                        + " SELECT nextval('incident_reference_seq'), EXISTS (SELECT 1 FROM claimed)",
                (rs, row) -> new Names("INC-" + rs.getLong(1), rs.getBoolean(2) ? base : null), base, incidentId);
        return names.channelName() != null ? names : new Names(names.reference(), numbered(base, incidentId));
    }

    public String claimChannelName(String incidentId, String title) {
        return claimChannelName(incidentId, title, false);
    }

    /** A drill's channel is {@code drill-<date>-<slug>} ({@link ChannelNames}). */
    public String claimChannelName(String incidentId, String title, boolean drill) {
        String base = baseName(title, drill);
        return claim(base, incidentId) ? base : numbered(base, incidentId);
    }

    private String baseName(String title, boolean drill) {
        return ChannelNames.forTitle(LocalDate.now(clock.withZone(ZoneOffset.UTC)), title, drill);
    }

    private String numbered(String base, String incidentId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            // one counter row per base name hands out suffixes in O(1); a suffix can still be taken by a title
            // whose own slug ends in "-<n>", hence the loop
            Integer next = jdbc.queryForObject("INSERT INTO channel_name_counter (base_name, next) VALUES (?, 2)"
                    + " ON CONFLICT (base_name) DO UPDATE SET next = channel_name_counter.next + 1 RETURNING next",
                    Integer.class, base);
            String candidate = ChannelNames.numbered(base, next);
            if (claim(candidate, incidentId)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free channel name for " + base + " after " + MAX_ATTEMPTS + " tries");
    }

    private boolean claim(String candidate, String incidentId) {
        return jdbc.update(CLAIM, candidate, incidentId) == 1;
    }
}
