package io.firebreak.command.config;

import io.firebreak.command.api.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code firebreak.*} in application.yml. */
@ConfigurationProperties("firebreak")
public class FirebreakProperties {

    /** API bearer tokens and their scopes. */
    private List<ApiToken> tokens = new ArrayList<>();

    /** Default time to the next update when an update does not say, per severity. Absent: none promised. */
    private Map<Severity, Duration> updateCadence = new EnumMap<>(Map.of(
            Severity.CRITICAL, Duration.ofMinutes(15), Severity.MAJOR, Duration.ofMinutes(30)));

    /** Threads for blocking work (JDBC, Axon's command gateway), off the Netty event loop. */
    private int blockingThreads = 32;

    /** Aggregate snapshot every this many events. */
    private int snapshotThreshold = 50;

    /** Partitions of the incident topic when Firebreak creates it. */
    private int topicPartitions = 6;

    public List<ApiToken> getTokens() {
        return tokens;
    }

    public void setTokens(List<ApiToken> tokens) {
        this.tokens = tokens;
    }

    public Map<Severity, Duration> getUpdateCadence() {
        return updateCadence;
    }

    public void setUpdateCadence(Map<Severity, Duration> updateCadence) {
        this.updateCadence = updateCadence;
    }

    public int getBlockingThreads() {
        return blockingThreads;
    }

    public void setBlockingThreads(int blockingThreads) {
        this.blockingThreads = blockingThreads;
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

    /** One API token: who it speaks for and what it may do. */
    public static class ApiToken {

        private String name;
        private String token;
        private List<String> scopes = new ArrayList<>();
        private String actorId;
        private String displayName;
        private String kind = "HUMAN";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public String getActorId() {
            return actorId == null ? name : actorId;
        }

        public void setActorId(String actorId) {
            this.actorId = actorId;
        }

        public String getDisplayName() {
            return displayName == null ? getActorId() : displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        @Override
        public String toString() {
            return "ApiToken[" + name + ", scopes=" + scopes + "]";
        }
    }
}
