package org.caseload.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseload.results.Direction;
import org.caseload.results.Metric;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.junit.jupiter.api.Test;

/**
 * comparison.csv's {@code note} says which scenario(s) the left-out replications were undefined
 * in: "in both" only for those undefined in both, not whenever each scenario has one.
 */
class ComparisonNoteTest {
    private static final double N = Double.NaN;
    private static final String METRIC = "stay_days_mean_rehab";
    private static final String REASON = "(" + Undefined.reason(METRIC) + ")";

    /** The note of the one row comparing "alt" with "base", given each replication's value in each. */
    private static String note(double[] base, double[] alt) {
        List<ReplicationResult> b = new ArrayList<>();
        List<ReplicationResult> a = new ArrayList<>();
        for (int r = 0; r < base.length; r++) {
            b.add(new ReplicationResult(r, Map.of(METRIC, base[r]), Map.of()));
            a.add(new ReplicationResult(r, Map.of(METRIC, alt[r]), Map.of()));
        }
        BatchSummary batch = BatchSummary.of(List.of(new ScenarioResult("base", b), new ScenarioResult("alt", a)), true);
        List<ComparisonTable.Row> rows = ComparisonTable.build(batch,
                List.of(new Metric(METRIC, "days", "mean stay", Direction.NEUTRAL)), 0.05, 0.95);
        assertEquals(1, rows.size());
        return rows.get(0).note();
    }

    @Test
    void baselineOnlyAndBothAreCountedApart() {
        // Replications 0 and 1: baseline alone undefined; replication 2: both.
        assertEquals("3 of 6 replications left out: undefined in base only in 2, in both in 1 " + REASON,
                note(new double[] {N, N, N, 4, 5, 6}, new double[] {1, 2, N, 4, 6, 5}));
    }

    @Test
    void eachScenarioAloneIsNotBoth() {
        assertEquals("2 of 5 replications left out: undefined in base only in 1, in alt only in 1 " + REASON,
                note(new double[] {N, 2, 3, 4, 5}, new double[] {1, N, 3, 5, 4}));
    }

    @Test
    void oneKindOfLeftOutIsNamedWithoutCounts() {
        assertEquals("2 of 5 replications left out: undefined in base " + REASON,
                note(new double[] {N, N, 3, 4, 5}, new double[] {1, 2, 3, 5, 4}));
        assertEquals("1 of 5 replications left out: undefined in alt " + REASON,
                note(new double[] {1, 2, 3, 4, 5}, new double[] {1, N, 3, 5, 4}));
        assertEquals("2 of 5 replications left out: undefined in both scenarios " + REASON,
                note(new double[] {N, N, 3, 4, 5}, new double[] {N, N, 3, 5, 4}));
        assertEquals("3 of 6 replications left out: undefined in alt only in 1, in both in 2 " + REASON,
                note(new double[] {N, N, 3, 4, 5, 6}, new double[] {N, N, N, 5, 4, 7}));
    }

    @Test
    void fewerThanTwoPairsSayWhereTheRestWereUndefined() {
        assertEquals("", note(new double[] {1, 2}, new double[] {2, 1}));
        assertEquals("one replication: no interval or test", note(new double[] {1}, new double[] {2}));
        assertEquals("one replication defined in both: no interval or test; undefined in base only in 1, in both in 1 " + REASON,
                note(new double[] {N, N, 3}, new double[] {1, N, 4}));
        assertEquals("undefined in both scenarios: " + Undefined.reason(METRIC), note(new double[] {N, N}, new double[] {N, N}));
        assertEquals("undefined in alt: " + Undefined.reason(METRIC), note(new double[] {N, 2}, new double[] {N, N}));
        assertEquals("undefined in base only in 1, in alt only in 1: " + Undefined.reason(METRIC),
                note(new double[] {N, 2}, new double[] {1, N}));
    }
}
