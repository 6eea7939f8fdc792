package org.caseload.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.junit.jupiter.api.Test;

/** A summary adds values by position, so a replication whose metrics or series differ from the first's is refused. */
class ScenarioSummaryTest {
    private static ReplicationResult rep(int r, List<String> metrics, List<String> series) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) m.put(metrics.get(i), r + i / 10.0);
        Map<String, double[]> s = new LinkedHashMap<>();
        for (String name : series) s.put(name, new double[] {r, r + 1});
        return new ReplicationResult(r, m, s);
    }

    private static ScenarioSummary summary(ReplicationResult... reps) {
        return BatchSummary.of(List.of(new ScenarioResult("s", List.of(reps))), false).scenarios().get(0);
    }

    @Test
    void theSameMetricsAreAddedByName() {
        ScenarioSummary s = summary(rep(0, List.of("a", "b"), List.of("x")), rep(1, List.of("a", "b"), List.of("x")));
        assertEquals(2, s.replications());
        assertEquals(List.of("a", "b"), s.metricNames());
    }

    @Test
    void metricsInAnotherOrderAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> summary(rep(0, List.of("a", "b"), List.of("x")), rep(1, List.of("b", "a"), List.of("x"))));
        assertTrue(e.getMessage().contains("replication 1 of s has the metrics [b, a]"), e.getMessage());
    }

    @Test
    void aMissingMetricOrSeriesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> summary(rep(0, List.of("a", "b"), List.of("x")), rep(1, List.of("a"), List.of("x"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> summary(rep(0, List.of("a"), List.of("x", "y")), rep(1, List.of("a"), List.of("x"))));
        assertTrue(e.getMessage().contains("monthly series [x]"), e.getMessage());
    }

    @Test
    void aSeriesOfAnotherLengthIsRefused() {
        ReplicationResult shorter = new ReplicationResult(1, Map.of("a", 1.0), Map.of("x", new double[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> summary(rep(0, List.of("a"), List.of("x")), shorter));
        assertTrue(e.getMessage().contains("has 1 months of x, not the 2 of replication 0"), e.getMessage());
    }
}
