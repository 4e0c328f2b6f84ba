package io.firebreak.deploy.bench;

import java.util.concurrent.atomic.AtomicBoolean;

/** Steady background traffic while something else is measured. */
final class Background {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private Background(Runnable loop) {
        thread = new Thread(loop, "bench-background");
        thread.setDaemon(true);
        thread.start();
    }

    /** Declares and notes at about {@code rate} commands a second. */
    Background(String command, double rate) {
        this(() -> { });
        if (rate <= 0) {
            running.set(false);
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                String id = Http.id(Http.post(command + "/api/v1/incidents", "{\"title\":\"Background\",\"severity\":\"MINOR\"}"));
                long interval = (long) (1e9 / rate);
                long next = System.nanoTime();
                while (running.get()) {
                    Http.post(command + "/api/v1/incidents/" + id + "/notes", "{\"kind\":\"NOTE\",\"text\":\"bg\"}");
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            } catch (Exception e) {
                running.set(false);
            }
        }, "bench-background-commands");
        worker.setDaemon(true);
        worker.start();
    }

    /** A customer update on the incident every half second, so the status page keeps changing. */
    static Background customerUpdates(String command, String incidentId) {
        Background background = new Background(() -> { });
        Thread worker = new Thread(() -> {
            int n = 0;
            while (background.running.get()) {
                try {
                    Http.post(command + "/api/v1/incidents/" + incidentId + "/updates", "{\"audience\":\"CUSTOMER\","
                            + "\"whatIsHappening\":\"Update " + (n++) + "\",\"whoIsAffected\":\"Shoppers\","
                            + "\"whatWeAreDoing\":\"Working on it\",\"nextUpdateInMinutes\":30}");
                    Thread.sleep(500);
                } catch (Exception e) {
                    return;
                }
            }
        }, "bench-customer-updates");
        worker.setDaemon(true);
        worker.start();
        return background;
    }

    void stop() {
        running.set(false);
    }
}
