package io.firebreak.command.config;

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
     */
    public static class CommandLaneSettings {

        private int maxWaiting = 8;
        private Duration maxWait = Duration.ofMillis(300);

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
}
