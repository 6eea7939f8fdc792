package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;
import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.MultipleComparisons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shipped baseline (no budget change, no step in demand) is at rest over its reporting
 * window: the least-squares slope of monthly people in treatment, as % of its mean a year,
 * has a 95% CI over replications inside ±{@value #MAX_DRIFT_PCT_PER_YEAR}% a year. Before
 * the initial caseload carried its earlier occupants (people out of treatment due back), the
 * Leeds slope was 0.41%/year (0.22 to 0.60) and Medway's 0.79 (0.46 to 1.13), and the test
 * failed. The Medway systems are smaller and noisier, so they get more replications.
 */
class BaselineAtRestTest {
    static final double MAX_DRIFT_PCT_PER_YEAR = 0.5;
    /** Largest relative residual (L − λW)/L that Little's law may show on a baseline at rest. */
    static final double MAX_LITTLE_RESIDUAL = 0.01;

    /** Least-squares slope of {@code monthly} over its months, as % of its mean per year. */
    static double slopePctPerYear(double[] monthly) {
        int n = monthly.length;
        double mx = (n - 1) / 2.0;
        double my = ValidationSupport.mean(monthly);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - mx) * (monthly[i] - my);
            sxx += (i - mx) * (i - mx);
        }
        return 100 * 12 * (sxy / sxx) / my;
    }

    static ConfidenceInterval drift(ScenarioResult r) {
        double[] slopes = new double[r.replications().size()];
        for (int i = 0; i < slopes.length; i++) {
            slopes[i] = slopePctPerYear(r.replications().get(i).monthly().get(Metrics.M_IN_TREATMENT));
        }
        return ConfidenceInterval.student(slopes, 0.95);
    }

    @ParameterizedTest
    @CsvSource({"scenarios/leeds.yaml, 20", "scenarios/caseload-40.yaml, 20", "scenarios/medway.yaml, 30",
            "scenarios/medway-recovery-system.yaml, 30", "scenarios/south-tees-hat.yaml, 30",
            "scenarios/south-tees-alternative.yaml, 30"})
    void inTreatmentDoesNotDriftOverTheReportingWindow(String file, int replications) {
        Scenario s = load(Path.of(file));
        assertTrue(s.budget().changes().stream().allMatch(c -> c.changePct() == 0) && s.arrivals().steps().isEmpty()
                && s.arrivals().trendPctPerYear() == 0, file + " is not a baseline");
        ConfidenceInterval ci = drift(run(s, replications, 1));
        assertTrue(ci.low() >= -MAX_DRIFT_PCT_PER_YEAR && ci.high() <= MAX_DRIFT_PCT_PER_YEAR, String.format(
                "%s: in treatment drifts %.3f%%/year (95%% CI %.3f to %.3f)", file, ci.mean(), ci.low(), ci.high()));
    }

    /**
     * Little's law L = λW for every pathway of leeds.yaml itself, to within
     * ±{@value #MAX_LITTLE_RESIDUAL} of L: at rest, stays ending in the window are a fair sample
     * of all stays, so the 95% CI of the per-replication relative difference (L − λW)/L must lie
     * inside that band (60 replications). An equivalence band, not "the CI contains 0", so that
     * the test cannot pass by having too few replications to see a residual. When the seeding
     * only approximated length bias (choosing among 8 candidates a place) the longest stays kept
     * a residual after 144 months (long-arm prescribing 0.48%, 0.10 to 0.87, 40 replications at
     * seed 7), and this band was missed with a 96-month warm-up (1.47%) or a 48-month one
     * (2.33%). Seeded exactly, the residual is gone from the first year (long-arm prescribing
     * +0.16%, −0.18 to 0.50, after 12 months; −0.05%, −0.38 to 0.28, in this test with the
     * shipped 24 months; b4e5672): this test no longer measures the warm-up; the test below does.
     */
    @Test
    void littlesLawHoldsOnLeedsPerPathway() {
        Scenario s = load(ValidationSupport.LEEDS);
        ScenarioResult r = run(s, 60, 7);
        for (String p : s.pathways().keySet()) {
            ConfidenceInterval ci = LittlesLawTest.relativeDifference(r, p);
            assertTrue(ci.low() >= -MAX_LITTLE_RESIDUAL && ci.high() <= MAX_LITTLE_RESIDUAL, String.format(
                    "pathway %s: (L - λW)/L = %.4f, 95%% CI %.4f to %.4f", p, ci.mean(), ci.low(), ci.high()));
        }
    }

    /**
     * The shipped warm-up is long enough: {@code leeds.yaml} with its own warm-up and with a
     * {@value #LONG_WARMUP_MONTHS}-month one agree on every metric (Welch's two-sample t-test
     * on 40 independent replications each, Holm's correction over the metrics at 5%).
     */
    @Test
    void theShippedWarmUpLeavesNoDetectableBias() {
        Scenario shipped = load(ValidationSupport.LEEDS);
        List<String> differing = differing(shipped, List.of());
        assertTrue(differing.isEmpty(), "a " + shipped.warmupMonths() + "-month warm-up differs from a " + LONG_WARMUP_MONTHS
                + "-month one on " + differing);
    }

    /**
     * People's histories of previous episodes are seeded at rest ({@code model/Histories}), their
     * unbroken stays include the treatment episodes they moved on from, and those found
     * part-way through an episode are seeded as survivors of it, so a run is at rest after a
     * year's warm-up on every metric, the shares in treatment for four years or more included.
     * When histories were taken from the referral mix and built up during the warm-up, even 48
     * months left 18 of 86 metrics differing in this test (successful completions,
     * Holm-adjusted P = 0.0002; long-arm prescribing's caseload, P = 6e-6); before stays were
     * seeded, the four-year shares read 11% low after a year.
     */
    @Test
    void historiesAreSeededAtRest() {
        Scenario shortWarmUp = load(ValidationSupport.LEEDS, "warmup_months=12");
        List<String> differing = differing(shortWarmUp, List.of());
        assertTrue(differing.isEmpty(), "a 12-month warm-up differs from a " + LONG_WARMUP_MONTHS + "-month one on " + differing);
    }

    /**
     * The metrics on which {@code s} (a version of {@code leeds.yaml}) and {@code leeds.yaml} with a
     * {@value #LONG_WARMUP_MONTHS}-month warm-up differ (Welch, Holm at 5%, 40 replications each), leaving out {@code excluded}.
     */
    private static List<String> differing(Scenario s, List<String> excluded) {
        Scenario longer = load(ValidationSupport.LEEDS, "warmup_months=" + LONG_WARMUP_MONTHS);
        ScenarioResult a = run(s, 40, 2002);
        ScenarioResult b = run(longer, 40, 1001);
        List<String> names = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (String m : a.replications().get(0).metrics().keySet()) {
            double[] x = a.values(m);
            double[] y = b.values(m);
            double v = variance(x) + variance(y);
            if (excluded.contains(m) || !(v > 0) || !Double.isFinite(v)) continue;
            names.add(m);
            p.add(new TTest().tTest(x, y));
        }
        assertTrue(names.size() > 50, "too few metrics compared: " + names.size());
        double[] adjusted = MultipleComparisons.holm(p.stream().mapToDouble(Double::doubleValue).toArray());
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < adjusted.length; i++) {
            if (adjusted[i] < 0.05) differing.add(String.format("%s (Holm-adjusted P = %.2g)", names.get(i), adjusted[i]));
        }
        return differing;
    }

    static final int LONG_WARMUP_MONTHS = 300;

    private static double variance(double[] xs) {
        double m = ValidationSupport.mean(xs);
        double s = 0;
        for (double x : xs) s += (x - m) * (x - m);
        return s / (xs.length - 1);
    }
}
