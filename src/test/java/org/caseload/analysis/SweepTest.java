package org.caseload.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.fault.InputException;
import org.caseload.results.Direction;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

class SweepTest {
    private static final Path QUEUE = Path.of("src/test/resources/validation/queue.yaml");

    private static Sweep workers;

    /** The 11-to-15-assessor sweep, shared by the tests that only read it. */
    static synchronized Sweep workers() {
        if (workers == null) workers = sweep("assessment.workers=11:15:1", 6, 2);
        return workers;
    }

    static Sweep sweep(String vary, int replications, int threads) {
        ScenarioReader.Loaded l = ScenarioReader.load(QUEUE, List.of("horizon_months=36"));
        try (Evaluator e = new Evaluator(RandomStreams.fromSeed(77), threads)) {
            return Sweep.run(l.tree(), l.scenario(), List.of(Axis.parse(vary)), replications, e, () -> { });
        }
    }

    /** Metamorphic: more assessors never lengthen the assessment wait; consecutive levels are paired (CRN). */
    @Test
    void moreAssessorsNeverLengthenTheWaitAlongTheCurve() {
        Sweep s = workers();
        int m = s.metricIndex(Metrics.ASSESSMENT_WAIT_DAYS_MEAN);
        for (int l = 1; l < s.levelCount(); l++) {
            ConfidenceInterval d = ConfidenceInterval.student(Stats.minus(s.values(l, m), s.values(l - 1, m)), 0.95);
            assertTrue(d.low() <= 0, "level " + l + " waits longer than level " + (l - 1) + ": " + d);
        }
        List<SweepSummary.Row> rows = SweepSummary.rows(s, 0.05);
        SweepSummary.Row last = rows.stream().filter(r -> r.metric().name().equals(Metrics.ASSESSMENT_WAIT_DAYS_MEAN)
                && r.level() == s.levelCount() - 1).findFirst().orElseThrow();
        assertEquals("better", last.verdict().label(), "15 assessors against 11: " + last.vsReference().difference());
    }

    @Test
    void goalSeekFindsTheFirstLevelWhoseBoundMeetsTheTarget() {
        Sweep s = workers();
        Target t = Target.parse("assessment_queue_wait_days_mean<=0.5", List.of(Metrics.ASSESSMENT_WAIT_DAYS_MEAN));
        SweepSummary.Goal g = SweepSummary.goalSeek(s, t).get(0);
        int m = s.metricIndex(Metrics.ASSESSMENT_WAIT_DAYS_MEAN);
        assertNotNull(g.level(), g.sentence());
        assertTrue(g.level() > 0, "choose a target the first level misses: " + g.sentence());
        assertTrue(g.bound() <= 0.5, g.sentence());
        for (int l = 0; l < g.level(); l++) {
            double[] v = s.values(l, m);
            double bound = Stats.mean(v) + Stats.t(v.length, 0.95) * Stats.se(v);
            assertTrue(bound > 0.5, "level " + l + " already met the target: " + g.sentence());
        }
        assertTrue(g.sentence().contains("workers"), g.sentence());
    }

    @Test
    void sameResultsWhateverTheThreadCount() {
        Sweep one = sweep("assessment.workers=12:13:1", 3, 1);
        Sweep three = sweep("assessment.workers=12:13:1", 3, 3);
        for (int l = 0; l < one.levelCount(); l++) {
            for (int m = 0; m < one.metrics().size(); m++) {
                assertTrue(java.util.Arrays.equals(one.values(l, m), three.values(l, m)));
            }
        }
    }

    @Test
    void batchingThePendingTasksChangesNothing() {
        ScenarioReader.Loaded l = ScenarioReader.load(QUEUE, List.of("horizon_months=12"));
        List<Evaluator.Point> points = List.of(new Evaluator.Point(l.scenario(), 0, 2), new Evaluator.Point(l.scenario(), 2, 3),
                new Evaluator.Point(l.scenario(), 0, 2));
        List<String> metrics = List.of(Metrics.IN_TREATMENT_MEAN, Metrics.ASSESSMENT_WAIT_DAYS_MEAN, "no_such_metric");
        List<double[][]> all;
        List<double[][]> oneAtATime;
        try (Evaluator e = new Evaluator(RandomStreams.fromSeed(9), 2)) {
            all = e.run(points, metrics, () -> { });
        }
        try (Evaluator e = new Evaluator(RandomStreams.fromSeed(9), 2, org.caseload.experiment.WorkLimits.DEFAULT_MAX_EVENTS, 1)) {
            oneAtATime = e.run(points, metrics, () -> { });
        }
        for (int p = 0; p < points.size(); p++) assertTrue(java.util.Arrays.deepEquals(all.get(p), oneAtATime.get(p)), "point " + p);
        assertTrue(java.util.Arrays.deepEquals(all.get(0), all.get(2)), "same substreams, same results (common random numbers)");
        assertTrue(Double.isNaN(all.get(1)[2][0]), "a metric the model does not report is undefined");
    }

    static final Metric PEOPLE = new Metric(Metrics.IN_TREATMENT_MEAN, "people", "no better direction", Direction.NEUTRAL);
    static final Metric CASELOAD = new Metric(Metrics.CASELOAD_PER_WORKER_MEAN, "clients per FTE", "lower is better",
            Direction.LOWER_IS_BETTER);

    /** A one-way sweep of x = 0, 1, 2 with the given per-level values of PEOPLE and CASELOAD. */
    static Sweep constructed(double[][] people, double[][] caseload) {
        List<double[][]> data = new java.util.ArrayList<>();
        for (int l = 0; l < people.length; l++) data.add(new double[][] {people[l], caseload[l]});
        return Sweep.of(List.of(Axis.parse("x=0:2:1")), List.of(PEOPLE, CASELOAD), data);
    }

    @Test
    void aMetricWithNoBetterDirectionIsNeverSaidToBeWorse() {
        double[] same = {10, 11, 12, 13};
        Sweep s = constructed(new double[][] {same, same, same}, new double[][] {same, same, same});
        List<SweepSummary.Row> rows = SweepSummary.rows(s, 0.05);
        assertEquals(List.of("in_treatment_mean: no detectable change from x = 0 at any level up to 2"),
                SweepSummary.firstWorse(s, rows, Metrics.IN_TREATMENT_MEAN));
        assertEquals(List.of("caseload_per_worker_mean: not detectably worse than at x = 0 at any level up to 2"),
                SweepSummary.firstWorse(s, rows, Metrics.CASELOAD_PER_WORKER_MEAN));
    }

    private static final double[] NONE = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    /** Where a level leaves the metric undefined (e.g. no keyworkers left), the summary says so and never "not worse at any level". */
    @Test
    void aLevelWhereTheMetricIsUndefinedIsSaidToBeUnmeasuredNotNotWorse() {
        double[] same = {10, 11, 12, 13};
        double[] high = {60, 61.5, 61.5, 63}; // +50 on average, not the same in every pair (that would be a sign test of 4 pairs)
        double[][] people = {same, same, same};
        Sweep partly = constructed(people, new double[][] {same, same, NONE});
        assertEquals(List.of("caseload_per_worker_mean: not detectably worse than at x = 0 at the levels where it can be measured; "
                        + "it cannot be measured at x = 2 (undefined in every replication there)"),
                SweepSummary.firstWorse(partly, SweepSummary.rows(partly, 0.05), Metrics.CASELOAD_PER_WORKER_MEAN));
        Sweep onlyFirst = constructed(people, new double[][] {same, NONE, NONE});
        assertEquals(List.of("caseload_per_worker_mean: cannot be measured at x = 1, 2 (undefined in every replication there), "
                        + "so it cannot be compared with x = 0"),
                SweepSummary.firstWorse(onlyFirst, SweepSummary.rows(onlyFirst, 0.05), Metrics.CASELOAD_PER_WORKER_MEAN));
        Sweep gap = constructed(people, new double[][] {same, NONE, high});
        String worse = SweepSummary.firstWorse(gap, SweepSummary.rows(gap, 0.05), Metrics.CASELOAD_PER_WORKER_MEAN).get(0);
        assertTrue(worse.startsWith("caseload_per_worker_mean: first detectably worse at x = 2 (+50.0 vs 0"), worse);
        assertTrue(worse.endsWith("; before that it cannot be measured at x = 1 (undefined in every replication there)"), worse);
        Sweep noReference = constructed(people, new double[][] {NONE, same, same});
        assertEquals(List.of("caseload_per_worker_mean: cannot be measured at x = 0 (undefined in every replication there), "
                        + "so no level can be compared with it"),
                SweepSummary.firstWorse(noReference, SweepSummary.rows(noReference, 0.05), Metrics.CASELOAD_PER_WORKER_MEAN));
    }

    @Test
    void goalSeekSaysTheTargetCannotBeEvaluatedWhereTheMetricIsUndefined() {
        double[] same = {10, 11, 12, 13};
        double[] high = {60, 61.5, 61.5, 63}; // +50 on average, not the same in every pair (that would be a sign test of 4 pairs)
        double[][] people = {same, same, same};
        Target t = Target.parse("caseload_per_worker_mean<=30", List.of(Metrics.CASELOAD_PER_WORKER_MEAN));
        String unknown = ", so whether it is met there is unknown.";

        SweepSummary.Goal missed = SweepSummary.goalSeek(constructed(people, new double[][] {high, high, NONE}), t).get(0);
        assertEquals(null, missed.level(), missed.sentence());
        assertTrue(missed.sentence().startsWith("No level of x from 0 to 2 meets caseload_per_worker_mean <= 30 with 95% confidence "
                + "where it can be evaluated; at 1 caseload_per_worker_mean is 61.5 (bound "), missed.sentence());
        assertTrue(missed.sentence().endsWith(" The target cannot be evaluated at x = 2 (caseload_per_worker_mean is undefined "
                + "in every replication there)" + unknown), missed.sentence());

        SweepSummary.Goal met = SweepSummary.goalSeek(constructed(people, new double[][] {high, NONE, same}), t).get(0);
        assertEquals(2, met.level(), met.sentence());
        assertTrue(met.sentence().contains("; at 0 it is 61.5 (bound "), met.sentence());
        assertTrue(met.sentence().endsWith(" The target cannot be evaluated at x = 1 (caseload_per_worker_mean is undefined "
                + "in every replication there)" + unknown), met.sentence());

        double[] once = {Double.NaN, 70, Double.NaN, Double.NaN};
        SweepSummary.Goal never = SweepSummary.goalSeek(constructed(people, new double[][] {NONE, once, NONE}), t).get(0);
        assertEquals("No level of x from 0 to 2 can be tested against caseload_per_worker_mean <= 30. The target cannot be "
                + "evaluated at x = 0, 2 (caseload_per_worker_mean is undefined in every replication there) or at 1 (only one "
                + "replication defines caseload_per_worker_mean there)" + unknown, never.sentence());
        for (SweepSummary.Goal g : List.of(missed, met, never)) assertFalse(g.sentence().contains("n/a"), g.sentence());
    }

    @Test
    void axesAreParsedInDecimalsAndCheckedFirst() {
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3), Axis.parse("x=0:0.3:0.1").levels());
        assertEquals(List.of(0.0, -10.0, -20.0), Axis.parse("x=0:-25:-10").levels());
        assertThrows(InputException.class, () -> Axis.parse("x=0:10:-1"));
        assertThrows(InputException.class, () -> Axis.parse("x=0:10:0"));
        assertThrows(InputException.class, () -> Axis.parse("x=0:ten:1"));
        assertThrows(InputException.class, () -> Axis.parse("x=0:10"));
        InputException e = assertThrows(InputException.class, () -> sweep("assessment.workers=10:11.5:0.5", 2, 1));
        assertTrue(e.getMessage().contains("assessment.workers=10.5"), e.getMessage());
    }
}
