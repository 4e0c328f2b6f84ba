package io.firebreak.statuspage.subscribers.delivery;

import io.firebreak.statuspage.subscribers.storage.DueDelivery;

/** Sends one delivery over one channel, blocking; throws when it was not accepted (the worker retries). */
interface Sender {

    void send(DueDelivery delivery) throws Exception;
}
