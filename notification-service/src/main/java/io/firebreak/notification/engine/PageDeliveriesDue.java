package io.firebreak.notification.engine;

/**
 * A page was handed to its outbound channels (PagerDuty, webhook): the delivery worker sends it once the paging
 * transaction commits instead of at its next poll (alert → first page, BENCHMARKS.md).
 */
public record PageDeliveriesDue() {
}
