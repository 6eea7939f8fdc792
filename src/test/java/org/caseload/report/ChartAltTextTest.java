package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.stats.BatchSummary;
import org.caseload.stats.ScenarioSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monthly chart's alternative text gives a value only for a month that has one: a series
 * undefined from some month on (no keyworkers to divide by) ends at its last defined month and
 * says from when it is undefined, rather than putting that month's value on the last month.
 */
class ChartAltTextTest {
    private static final double N = Double.NaN;

    @TempDir
    Path dir;

    /** The caseload-per-keyworker chart's alternative text for scenarios with these monthly means (two equal replications each). */
    private String alt(Map<String, double[]> scenarios) {
        List<ScenarioSummary> results = scenarios.entrySet().stream().map(e -> {
            List<ReplicationResult> reps = List.of(
                    new ReplicationResult(0, Map.of("m", 1.0), Map.of(Metrics.M_CASELOAD_PER_WORKER, e.getValue())),
                    new ReplicationResult(1, Map.of("m", 1.0), Map.of(Metrics.M_CASELOAD_PER_WORKER, e.getValue())));
            return BatchSummary.of(List.of(new ScenarioResult(e.getKey(), reps)), false).scenarios().get(0);
        }).toList();
        List<ReportCharts.Chart> charts = ReportCharts.monthly(dir, results, List.of());
        assertEquals(1, charts.size());
        return charts.get(0).alt();
    }

    @Test
    void aSeriesUndefinedFromAMonthOnEndsAtItsLastDefinedMonth() {
        String alt = alt(Map.of("cut", new double[] {64.8, 64.5, 64.0, N, N, N}));
        String r1 = Reports.round(64.8);
        String r3 = Reports.round(64.0);
        assertTrue(alt.contains("cut from " + r1 + " in month 1 to " + r3 + " in month 3, undefined from month 4"), alt);
        assertFalse(alt.contains("month 6"), alt);
    }

    @Test
    void onlyTheLastMonthUndefinedAndEveryScenarioDescribed() {
        Map<String, double[]> both = new LinkedHashMap<>();
        both.put("base", new double[] {10, 11, 12});
        both.put("cut", new double[] {10, 11, N});
        String alt = alt(both);
        assertTrue(alt.contains(": base from " + Reports.round(10) + " in month 1 to " + Reports.round(12) + " in month 3; cut from "
                + Reports.round(10) + " in month 1 to " + Reports.round(11) + " in month 2, undefined in month 3."), alt);
    }

    @Test
    void aSeriesUndefinedAtTheStartSaysSoBeforeItsFirstValue() {
        String alt = alt(Map.of("late", new double[] {N, N, 20, 21}));
        assertTrue(alt.contains("late undefined in months 1 to 2, then from " + Reports.round(20) + " in month 3 to "
                + Reports.round(21) + " in month 4"), alt);
        alt = alt(Map.of("late", new double[] {N, 20, 21}));
        assertTrue(alt.contains("late undefined in month 1, then from " + Reports.round(20) + " in month 2"), alt);
    }

    @Test
    void gapsOneDefinedMonthAndNoneAtAll() {
        String alt = alt(Map.of("gappy", new double[] {5, N, N, 6}));
        assertTrue(alt.contains("gappy from " + Reports.round(5) + " in month 1 to " + Reports.round(6)
                + " in month 4 (undefined in 2 months between)"), alt);
        alt = alt(Map.of("once", new double[] {N, 7, N}));
        assertTrue(alt.contains("once undefined in month 1, then " + Reports.round(7) + " in month 2, undefined in month 3"), alt);
        alt = alt(Map.of("none", new double[] {N, N}));
        assertTrue(alt.contains("none undefined in every month"), alt);
        assertFalse(alt.contains(org.caseload.stats.Undefined.DASH), alt);
    }
}
