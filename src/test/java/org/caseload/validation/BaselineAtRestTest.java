package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ConfidenceInterval;
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
    static final double MAX_LITTLE_RESIDUAL = 0.015;

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
     * inside that band. Not "must contain 0": the warm-up leaves a small residual in the longest
     * stays, which enough replications detect (long-arm prescribing 0.48%, 0.10 to 0.87, with 40
     * replications at seed 7; 0.72%, 0.27 to 1.17, at seed 2007; 0.39%, 0.07 to 0.72, with 80 at
     * seed 11; 0.28%, −0.26 to 0.81, after a 240-month warm-up), so a test of exactly 0 passed or
     * failed by its seed. The band is missed with a 96-month warm-up (1.47%, 1.02 to 1.91, at
     * seed 7) and a 48-month one (2.33%, 2.01 to 2.66).
     */
    @Test
    void littlesLawHoldsOnLeedsPerPathway() {
        Scenario s = load(ValidationSupport.LEEDS);
        ScenarioResult r = run(s, 40, 7);
        for (String p : s.pathways().keySet()) {
            ConfidenceInterval ci = LittlesLawTest.relativeDifference(r, p);
            assertTrue(ci.low() >= -MAX_LITTLE_RESIDUAL && ci.high() <= MAX_LITTLE_RESIDUAL, String.format(
                    "pathway %s: (L - λW)/L = %.4f, 95%% CI %.4f to %.4f", p, ci.mean(), ci.low(), ci.high()));
        }
    }
}
