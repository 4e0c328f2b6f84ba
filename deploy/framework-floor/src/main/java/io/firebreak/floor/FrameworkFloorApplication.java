package io.firebreak.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's framework floor: {@code POST /incidents} and {@code POST /incidents/{id}/notes} as one Axon command
 * each on a JDBC event store, with no security, read model, Kafka, observations or validation. The benchmark runs it
 * with the stack's JVM flags against the stack's PostgreSQL, under the same load as incident-command's command path,
 * so BENCHMARKS.md can show what the frameworks alone cost beside what Firebreak costs (issue 19).
 */
@SpringBootApplication
public class FrameworkFloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FrameworkFloorApplication.class, args);
    }
}
