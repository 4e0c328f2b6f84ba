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

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IncidentNaming(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String nextReference() {
        Long next = jdbc.queryForObject("SELECT nextval('incident_reference_seq')", Long.class);
        return "INC-" + next;
    }

    public String claimChannelName(String incidentId, String title) {
        return claimChannelName(incidentId, title, false);
    }

    /** A drill's channel is {@code drill-<date>-<slug>} ({@link ChannelNames}). */
    public String claimChannelName(String incidentId, String title, boolean drill) {
        String base = ChannelNames.forTitle(LocalDate.now(clock.withZone(ZoneOffset.UTC)), title, drill);
        if (claim(base, incidentId)) {
            return base;
        }
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
        int claimed = jdbc.update("INSERT INTO channel_name (channel_name, incident_id) VALUES (?, ?)"
                + " ON CONFLICT (channel_name) DO NOTHING", candidate, incidentId);
        if (claimed == 1) {
            return true;
        }
        String owner = jdbc.query("SELECT incident_id FROM channel_name WHERE channel_name = ?",
                rs -> rs.next() ? rs.getString(1) : null, candidate);
        return incidentId.equals(owner);
    }
}
