package io.firebreak.command.config;

import io.firebreak.command.api.Person;
import io.firebreak.command.api.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** incident-command's own settings under {@code firebreak.*}; what every service shares is in service-support. */
@ConfigurationProperties("firebreak")
public class FirebreakProperties {

    /** Default time to the next update when an update does not say, per severity. Absent: none promised. */
    private Map<Severity, Duration> updateCadence = new EnumMap<>(Map.of(
            Severity.CRITICAL, Duration.ofMinutes(15), Severity.MAJOR, Duration.ofMinutes(30)));

    /** Monitoring ingest per integration key: a burst, then this many requests a minute. */
    private IngestRateLimit ingestRateLimit = new IngestRateLimit();

    /** How a burst of commands on one incident is queued and refused; see {@code CommandLanes}. */
    private CommandLaneSettings commands = new CommandLaneSettings();

    /** Who must hold the incident's roles, and by when; see {@link Roles}. */
    private Roles roles = new Roles();

    /** The duplicate check at declaration; see {@link Duplicates}. */
    private Duplicates duplicates = new Duplicates();

    /** The responder console's settings (issue 18); see {@link Console}. Null until any is set. */
    private Console console;

    /** Aggregate snapshot every this many events. */
    private int snapshotThreshold = 50;

    /** Partitions of the incident topic when Firebreak creates it. */
    private int topicPartitions = 6;

    public Map<Severity, Duration> getUpdateCadence() {
        return updateCadence;
    }

    public void setUpdateCadence(Map<Severity, Duration> updateCadence) {
        this.updateCadence = updateCadence;
    }

    public Console getConsole() {
        return console;
    }

    public void setConsole(Console console) {
        this.console = console;
    }

    public int getSnapshotThreshold() {
        return snapshotThreshold;
    }

    public void setSnapshotThreshold(int snapshotThreshold) {
        this.snapshotThreshold = snapshotThreshold;
    }

    public int getTopicPartitions() {
        return topicPartitions;
    }

    public void setTopicPartitions(int topicPartitions) {
        this.topicPartitions = topicPartitions;
    }

    public CommandLaneSettings getCommands() {
        return commands;
    }

    public void setCommands(CommandLaneSettings commands) {
        this.commands = commands;
    }

    public Roles getRoles() {
        return roles;
    }

    public void setRoles(Roles roles) {
        this.roles = roles;
    }

    public Duplicates getDuplicates() {
        return duplicates;
    }

    public void setDuplicates(Duplicates duplicates) {
        this.duplicates = duplicates;
    }

    public IngestRateLimit getIngestRateLimit() {
        return ingestRateLimit;
    }

    public void setIngestRateLimit(IngestRateLimit ingestRateLimit) {
        this.ingestRateLimit = ingestRateLimit;
    }

    /** Default 120 requests a minute with bursts of 60, per integration key. */
    public static class IngestRateLimit {

        private long perMinute = 120;
        private long burst = 60;

        public long getPerMinute() {
            return perMinute;
        }

        public void setPerMinute(long perMinute) {
            this.perMinute = perMinute;
        }

        public long getBurst() {
            return burst;
        }

        public void setBurst(long burst) {
            this.burst = burst;
        }
    }

    /**
     * Commands on one incident run one at a time; at most {@code maxWaiting} wait for their turn, each at most
     * {@code maxWait}; the rest are refused at once with 503 and {@code Retry-After} (nothing changed).
     * {@code cachedIncidents}: how many incidents' aggregates stay in memory between commands (0: none; each
     * command then replays the incident's events).
     */
    public static class CommandLaneSettings {

        private int maxWaiting = 8;
        private Duration maxWait = Duration.ofMillis(300);
        private int cachedIncidents = 2_000;

        public int getCachedIncidents() {
            return cachedIncidents;
        }

        public void setCachedIncidents(int cachedIncidents) {
            this.cachedIncidents = cachedIncidents;
        }

        public int getMaxWaiting() {
            return maxWaiting;
        }

        public void setMaxWaiting(int maxWaiting) {
            this.maxWaiting = maxWaiting;
        }

        public Duration getMaxWait() {
            return maxWait;
        }

        public void setMaxWait(Duration maxWait) {
            this.maxWait = maxWait;
        }
    }

    /**
     * {@code leadDeadline}: an incident declared without a lead that has none this long after its declaration gets
     * its declarer as lead (Major/Critical; the {@code defaultLead} when monitoring declared it) or a note (Minor, or
     * nobody to appoint). {@code leadDeadlinePoll}: how often due deadlines are looked for (0 turns the background
     * rounds off). {@code distinctOn}: severities on which lead, comms owner and investigation owner are three people.
     */
    public static class Roles {

        private Duration leadDeadline = Duration.ofMinutes(5);
        private Duration leadDeadlinePoll = Duration.ofSeconds(10);
        private Person defaultLead;
        private List<Severity> distinctOn = new ArrayList<>(List.of(Severity.MAJOR, Severity.CRITICAL));

        public Duration getLeadDeadline() {
            return leadDeadline;
        }

        public void setLeadDeadline(Duration leadDeadline) {
            this.leadDeadline = leadDeadline;
        }

        public Duration getLeadDeadlinePoll() {
            return leadDeadlinePoll;
        }

        public void setLeadDeadlinePoll(Duration leadDeadlinePoll) {
            this.leadDeadlinePoll = leadDeadlinePoll;
        }

        public Person getDefaultLead() {
            return defaultLead;
        }

        public void setDefaultLead(Person defaultLead) {
            this.defaultLead = defaultLead;
        }

        public List<Severity> getDistinctOn() {
            return distinctOn;
        }

        public void setDistinctOn(List<Severity> distinctOn) {
            this.distinctOn = distinctOn;
        }
    }

    /**
     * A person's declaration whose services overlap an open incident's and whose title shares at least
     * {@code titleSimilarity} of its words with it (Jaccard, see domain/TitleSimilarity) is refused with up to
     * {@code maxCandidates} candidates unless forced.
     */
    public static class Duplicates {

        private double titleSimilarity = 0.5;
        private int maxCandidates = 5;

        public double getTitleSimilarity() {
            return titleSimilarity;
        }

        public void setTitleSimilarity(double titleSimilarity) {
            this.titleSimilarity = titleSimilarity;
        }

        public int getMaxCandidates() {
            return maxCandidates;
        }

        public void setMaxCandidates(int maxCandidates) {
            this.maxCandidates = maxCandidates;
        }
    }

    /**
     * What the console (static files under {@code /console/}) is told in {@code /console/config.json}: the base URL of
     * each service's API as the browser reaches it (blank: the console's own origin) and, when {@code oidc.clientId}
     * is set, the identity provider for "Sign in with SSO" (blank issuer: {@code firebreak.security.oidc.issuer-uri}).
     */
    public record Console(String commandUrl, String notificationUrl, String statuspageUrl, String debriefUrl,
            ConsoleOidc oidc) {
    }

    /** The public client the browser signs in as (authorization code with PKCE; no secret). */
    public record ConsoleOidc(String issuer, String clientId) {
    }
}
