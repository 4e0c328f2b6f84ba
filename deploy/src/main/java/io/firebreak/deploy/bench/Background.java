package io.firebreak.deploy.bench;

import java.util.concurrent.atomic.AtomicBoolean;

/** Steady background traffic while something else is measured. */
final class Background {

    /** One pass of the traffic; returns false to stop. */
    private interface Step {
        boolean run() throws Exception;
    }

    private final AtomicBoolean running = new AtomicBoolean(true);

    private Background(String name, Step step) {
        Thread worker = new Thread(() -> {
            try {
                while (running.get() && step.run()) {
                    // keep going
                }
            } catch (Exception e) {
                running.set(false);
            }
        }, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Notes on one incident at about {@code rate} commands a second (nothing when the rate is not positive). */
    static Background commands(String command, double rate) throws Exception {
        if (rate <= 0) {
            return new Background("bench-background-idle", () -> false);
        }
        String id = Http.id(Http.post(command + "/api/v1/incidents", "{\"title\":\"Background\",\"severity\":\"MINOR\"}"));
        long interval = (long) (1e9 / rate);
        long[] next = {System.nanoTime()};
        return new Background("bench-background-commands", () -> {
            Http.post(command + "/api/v1/incidents/" + id + "/notes", "{\"kind\":\"NOTE\",\"text\":\"bg\"}");
            next[0] += interval;
            long wait = next[0] - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            return true;
        });
    }

    /** A customer update on the incident every half second, so the status page keeps changing. */
    static Background customerUpdates(String command, String incidentId) {
        int[] n = {0};
        return new Background("bench-customer-updates", () -> {
            Http.post(command + "/api/v1/incidents/" + incidentId + "/updates", "{\"audience\":\"CUSTOMER\","
                    + "\"whatIsHappening\":\"Update " + (n[0]++) + "\",\"whoIsAffected\":\"Shoppers\","
                    + "\"whatWeAreDoing\":\"Working on it\",\"nextUpdateInMinutes\":30}");
            Thread.sleep(500);
            return true;
        });
    }

    void stop() {
        running.set(false);
    }
}
