package io.firebreak.support.kafka;

import java.time.Instant;
import java.util.List;

/** What the dead-letter API answers: typed, never the events' content (it may be why they failed). */
public final class DeadLetterRecords {

    private DeadLetterRecords() {
    }

    /** One record waiting in a dead-letter topic. */
    public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
            Integer originalPartition, Long originalOffset, String exception, Instant deadLetteredAt) {
    }

    /** The records not yet re-driven, oldest first per partition. */
    public record Pending(int count, List<DeadLetter> deadLetters) {
    }

    /** The outcome of a re-drive: how many records went back to their original topic. */
    public record Redriven(int count, List<DeadLetter> deadLetters) {
    }
}
