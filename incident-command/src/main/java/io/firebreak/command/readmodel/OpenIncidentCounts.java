package io.firebreak.command.readmodel;

import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.api.Severity;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How many incidents are open (investigating, fixing or monitoring) per severity, from the read model. */
@Repository
public class OpenIncidentCounts {

    private static final String[] OPEN = Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::isActive)
            .map(Enum::name).toArray(String[]::new);

    private final JdbcTemplate jdbc;

    public OpenIncidentCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Severity, Long> bySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        jdbc.query("SELECT severity, count(*) FROM incident_view WHERE status = ANY (?) GROUP BY severity",
                rs -> {
                    counts.put(Severity.valueOf(rs.getString(1)), rs.getLong(2));
                }, (Object) OPEN);
        return counts;
    }
}
