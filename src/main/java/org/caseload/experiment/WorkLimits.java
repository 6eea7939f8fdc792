package org.caseload.experiment;

import java.util.List;
import java.util.Locale;
import org.caseload.fault.InputException;
import org.caseload.scenario.Scenario;

/**
 * Bounds on the work a command may start, checked before anything runs so that a typo (a
 * rate of 1e9, a million replications) fails in a second with a message instead of running
 * for hours or exhausting memory after a long silence.
 *
 * <ul>
 *   <li>Events: one replication may take at most {@code maxEvents} (default
 *       {@value #DEFAULT_MAX_EVENTS}: a national system of ~300,000 in treatment over 13
 *       years needs about 40 million), as estimated by {@link WorkEstimate}; during the run
 *       the engine stops a replication that exceeds its budget ({@link #budget}).</li>
 *   <li>Memory: where results are held at once (calibration, warm-up analysis, {@code bench}),
 *       replications × scenarios must fit in three quarters of the Java heap, leaving the rest
 *       to the replications running and the report; a streamed batch ({@code run},
 *       {@code compare}, with a fixed count or {@code --precision}) holds only an index entry
 *       per replication, its values being on disk.</li>
 * </ul>
 */
public final class WorkLimits {
    public static final long DEFAULT_MAX_EVENTS = 100_000_000L;
    /** The run-time budget is this many times the estimate: the estimate is rough, a runaway is not. */
    public static final double BUDGET_MARGIN = 20;
    /** Smallest run-time budget, so that tiny scenarios (no arrivals, a short horizon) never trip it. */
    public static final long MIN_BUDGET = 10_000_000L;
    /** Share of the heap the held results may take. */
    public static final double HEAP_SHARE = 0.75;

    private WorkLimits() {
    }

    /** Refuses a scenario whose estimated work per replication exceeds {@code maxEvents}. */
    public static WorkEstimate checkEvents(Scenario s, long maxEvents) {
        WorkEstimate e = WorkEstimate.of(s);
        if (e.work() > maxEvents) {
            throw new InputException(String.format(Locale.ROOT, "scenario '%s' needs about %s events per replication (%s over %d "
                            + "months of warm-up and horizon), more than the limit of %,d; check the scenario's rates, multipliers "
                            + "and caseloads, or raise the limit with --max-events N if you mean it",
                    s.name(), WorkEstimate.count(e.work()), e.explain(), s.warmupMonths() + s.horizonMonths(), maxEvents));
        }
        return e;
    }

    /** Events one replication may run before the engine stops it, and where that figure came from (for the message). */
    public record EventBudget(long events, String origin) {
    }

    /**
     * Refuses a scenario over the limit (as {@link #checkEvents}); otherwise returns the event
     * budget of each of its replications and where that figure came from.
     */
    public static EventBudget budget(Scenario s, long maxEvents) {
        WorkEstimate estimate = checkEvents(s, maxEvents);
        long events = eventBudget(estimate, maxEvents);
        return new EventBudget(events, budgetOrigin(estimate, events, maxEvents));
    }

    /** Events one replication may run before the engine stops it. */
    static long eventBudget(WorkEstimate e, long maxEvents) {
        return (long) Math.min(maxEvents, Math.max(MIN_BUDGET, BUDGET_MARGIN * e.work()));
    }

    /** Where a replication's budget came from, for the message when it is exceeded. */
    private static String budgetOrigin(WorkEstimate estimate, long budget, long maxEvents) {
        if (budget == maxEvents) return "--max-events " + maxEvents;
        if (budget == MIN_BUDGET) return String.format(Locale.ROOT, "the minimum budget of %,d", budget);
        return String.format(Locale.ROOT, "%.0f times the estimated %s", BUDGET_MARGIN, WorkEstimate.count(estimate.work()));
    }

    /**
     * Refuses to start when the results of {@code replications} of every scenario would not fit in
     * {@value #HEAP_SHARE} of {@code heapBytes}.
     */
    public static void checkHeld(List<Scenario> scenarios, long replications, long heapBytes) {
        long perReplication = 0;
        for (Scenario s : scenarios) perReplication += WorkEstimate.of(s).resultBytes();
        checkFits("holding the results of", scenarios.size(), perReplication, replications, heapBytes);
    }

    /**
     * Bytes a streamed batch keeps per replication of each scenario: its place in the journal's
     * index (two longs a slot in a table between a quarter and half full: at most 64 bytes, just
     * after it doubles). The values themselves are on disk.
     */
    static final long TRACKED_BYTES = 64;

    /**
     * Refuses to start a streamed batch (results summarised as they come, values on disk) when
     * even the index of its replications would not fit in {@value #HEAP_SHARE} of {@code heapBytes}.
     */
    public static void checkTracked(int scenarios, long replications, long heapBytes) {
        checkFits("keeping track of", scenarios, TRACKED_BYTES * scenarios, replications, heapBytes);
    }

    private static void checkFits(String doing, int scenarios, long perReplication, long replications, long heapBytes) {
        double needed = (double) perReplication * replications;
        double allowed = heapBytes * HEAP_SHARE;
        if (needed <= allowed) return;
        long fits = (long) Math.max(1, Math.floor(allowed / perReplication));
        long xmxGb = (long) Math.ceil(needed / HEAP_SHARE / 1e9) + 1;
        throw new InputException(String.format(Locale.ROOT, "%s %,d replications of %d scenario(s) needs about "
                        + "%s of memory, more than three quarters of the Java heap (%s); use fewer replications (about %,d fit) or give Java "
                        + "more memory, e.g. java -Xmx%dg -jar caseload.jar ...",
                doing, replications, scenarios, bytes(needed), bytes(heapBytes), fits, xmxGb));
    }

    /** The heap this JVM may grow to: what {@link #checkHeld} compares against. */
    public static long heapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    static String bytes(double b) {
        if (b >= 1e9) return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
        return String.format(Locale.ROOT, "%.0f MB", b / 1e6);
    }
}
