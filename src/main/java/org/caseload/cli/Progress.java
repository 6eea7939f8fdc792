package org.caseload.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress of a long run on an interactive terminal: replications done, replications per
 * second, elapsed time and an estimate of the time left, redrawn in place at most a few times a second. Stays silent
 * when standard error is not a terminal (logs, CI) or when {@code CI} is set.
 */
final class Progress {
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;
    private final PrintWriter out;
    private final String label;
    private final int total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long lastDraw;

    Progress(PrintWriter out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.enabled = interactive();
    }

    static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }

    void step() {
        int d = done.incrementAndGet();
        if (!enabled) return;
        long now = System.nanoTime();
        if (now - lastDraw < MIN_INTERVAL_NANOS && d < total) return;
        synchronized (this) {
            lastDraw = now;
            double elapsed = (now - start) / 1e9;
            double left = d > 0 ? elapsed / d * (total - d) : 0;
            out.printf("\r%s: %d/%d replications, %.1f/s, %.0f s elapsed, ~%.0f s left   ", label, d, total,
                    elapsed > 0 ? d / elapsed : 0, elapsed, left);
            out.flush();
        }
    }

    void done() {
        if (!enabled) return;
        synchronized (this) {
            out.print("\r" + " ".repeat(78) + "\r");
            out.flush();
        }
    }
}
