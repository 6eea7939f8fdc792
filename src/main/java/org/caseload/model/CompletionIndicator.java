package org.caseload.model;

import java.util.ArrayList;
import java.util.List;
import org.caseload.scenario.Group;

/**
 * The national indicator "successful completion and non-representation": people leaving
 * treatment having completed it in a reporting year who do not re-present within six months,
 * as a percentage of everyone in treatment that year. A completion is remembered on the client
 * ({@link Client#lastCompletionTime}) until a re-presentation within six months cancels it.
 */
final class CompletionIndicator {
    private final ReportingYears periods;
    private final Window window;
    private final int[][] completions;
    private final int[][] representedWithin6m;

    CompletionIndicator(ReportingYears periods, Window window) {
        this.periods = periods;
        this.window = window;
        completions = new int[periods.count()][Client.GROUPS.length];
        representedWithin6m = new int[periods.count()][Client.GROUPS.length];
    }

    /** {@code c} leaves treatment having completed it. */
    void completed(Client c, double now) {
        c.lastCompletionTime = now;
        c.lastCompletionPeriod = periods.of(now);
        if (c.lastCompletionPeriod >= 0) completions[c.lastCompletionPeriod][c.groupIndex()]++;
    }

    /** A re-presentation: counted against the indicator if within six months of a completion. */
    void representing(Client c, double now) {
        if (!Double.isNaN(c.lastCompletionTime) && now - c.lastCompletionTime <= Recorder.SIX_MONTHS && c.lastCompletionPeriod >= 0) {
            representedWithin6m[c.lastCompletionPeriod][c.groupIndex()]++;
            c.lastCompletionTime = Double.NaN;
        }
    }

    /**
     * The indicator for {@code groups}, pooled over the reporting years that have six months of
     * follow-up inside the window (all years if none has); NaN with nobody seen.
     */
    double percent(SeenPerYear seen, Group... groups) {
        List<Integer> eligible = new ArrayList<>();
        for (int p = 0; p < periods.count(); p++) {
            if (periods.start(p) + periods.length() + Recorder.SIX_MONTHS <= window.end() + 1e-9) eligible.add(p);
        }
        if (eligible.isEmpty()) for (int p = 0; p < periods.count(); p++) eligible.add(p);
        double num = 0;
        double den = 0;
        for (int p : eligible) {
            for (Group g : groups) {
                num += completions[p][g.ordinal()] - representedWithin6m[p][g.ordinal()];
                den += seen.seen(p, g.ordinal());
            }
        }
        return den > 0 ? 100 * num / den : Double.NaN;
    }
}
