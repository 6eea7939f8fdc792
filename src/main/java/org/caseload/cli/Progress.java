package org.caseload.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Option;

/**
 * Progress of a long run on an interactive terminal: replications done, replications per
 * second, elapsed time and an estimate of the time left, redrawn in place at most a few times a second. It is drawn on
 * standard error, so it shows only when standard error is a terminal (whatever standard input
 * and output are: {@code caseload compare ... > summary.txt} still shows progress), never in
 * logs or CI, and not with {@code --quiet}.
 */
final class Progress {
    /** Set by {@code bin/caseload}, which can ask the shell whether standard error is a terminal. */
    static final String TERMINAL_PROPERTY = "caseload.stderr.terminal";
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;
    private final PrintWriter out;
    private final String label;
    private final int total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long lastDraw;

    /** {@code --quiet}, for the commands that show progress. */
    static final class QuietOption {
        @Option(names = {"-q", "--quiet"}, description = "Show no progress on standard error (warnings and errors still show).")
        boolean quiet;
    }

    Progress(PrintWriter out, String label, int total, boolean quiet) {
        this(out, label, total, quiet, System.getenv("CI") != null);
    }

    /** As the other constructor, with whether this runs under CI given rather than read from the environment (for tests). */
    Progress(PrintWriter out, String label, int total, boolean quiet, boolean underCi) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.enabled = !quiet && !underCi && stderrIsTerminal();
    }

    /**
     * Java 17 cannot ask whether standard error is a terminal ({@code System.console()} looks at
     * standard input and output), so: what the launcher found, else on Linux where file
     * descriptor 2 points, else no.
     */
    static boolean stderrIsTerminal() {
        String told = System.getProperty(TERMINAL_PROPERTY);
        if (told != null) return Boolean.parseBoolean(told);
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (!Files.isSymbolicLink(fd2)) return false;
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
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
