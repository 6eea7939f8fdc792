package org.caseload.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.caseload.results.Direction;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void studentIntervalCoversTheTrueMeanAtItsLevel() {
        SplittableRandom rng = new SplittableRandom(2024);
        int trials = 4000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] x = new double[10];
            for (int i = 0; i < x.length; i++) x[i] = 5 + 2 * gaussian(rng);
            if (ConfidenceInterval.student(x, 0.95).contains(5)) covered++;
        }
        double coverage = (double) covered / trials;
        // Binomial sd of the coverage estimate is ~0.0034; 0.93–0.97 is a ~6-sigma band.
        assertTrue(coverage > 0.93 && coverage < 0.97, "coverage " + coverage);
    }

    @Test
    void studentIntervalIsTWithNMinusOneDegreesOfFreedomTimesTheStandardError() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // sd with n - 1: sqrt(82.5 / 9); t quantile for 9 degrees of freedom (tables: 2.262157).
        double sd = Math.sqrt(82.5 / 9);
        double half = 2.262157162798205 * sd / Math.sqrt(10);
        ConfidenceInterval ci = ConfidenceInterval.student(x, 0.95);
        assertEquals(5.5, ci.mean(), 1e-12);
        assertEquals(sd, ci.sd(), 1e-12);
        assertEquals(5.5 - half, ci.low(), 1e-9);
        assertEquals(5.5 + half, ci.high(), 1e-9);
    }

    @Test
    void intervalIgnoresNaNAndHandlesOneValue() {
        ConfidenceInterval ci = ConfidenceInterval.student(new double[] {1, Double.NaN, 3}, 0.95);
        assertEquals(2, ci.n());
        assertEquals(2.0, ci.mean(), 1e-12);
        assertTrue(Double.isNaN(ConfidenceInterval.student(new double[] {4}, 0.95).halfWidth()));
    }

    @Test
    void intervalOfNothingDefinedIsUndefinedWithCountZero() {
        ConfidenceInterval ci = ConfidenceInterval.student(new double[] {Double.NaN, Double.POSITIVE_INFINITY}, 0.95);
        assertEquals(0, ci.n());
        assertTrue(Double.isNaN(ci.mean()) && Double.isNaN(ci.low()) && Double.isNaN(ci.high()));
        assertTrue(!ci.defined());
    }

    @Test
    void pairedUsesOnlyReplicationsDefinedInBoth() {
        double[] base = {10, Double.NaN, 12, 14};
        double[] alt = {11, 50, Double.NaN, 16};
        PairedComparison c = PairedComparison.paired(base, alt, 0.95);
        assertEquals(2, c.difference().n());
        assertEquals(12.0, c.baselineMean(), 1e-12); // (10 + 14) / 2, not over 10, 12, 14
        assertEquals(13.5, c.alternativeMean(), 1e-12);
        assertEquals(c.alternativeMean() - c.baselineMean(), c.difference().mean(), 1e-12);
        PairedComparison none = PairedComparison.paired(new double[] {1, 2}, new double[] {Double.NaN, Double.NaN}, 0.95);
        assertEquals(0, none.difference().n());
        assertTrue(Double.isNaN(none.pValue()));
        assertEquals(Verdict.UNDEFINED, Verdict.of(none.difference().mean(), none.pValue(), 0.05, Direction.LOWER_IS_BETTER));
        PairedComparison one = PairedComparison.paired(new double[] {1}, new double[] {5}, 0.95);
        assertTrue(Double.isNaN(one.pValue()) && Double.isNaN(one.difference().low()));
        assertEquals(Verdict.UNDEFINED, Verdict.of(one.difference().mean(), one.pValue(), 0.05, Direction.LOWER_IS_BETTER));
    }

    @Test
    void undefinedNotesCountWhatWasLeftOut() {
        assertEquals("", Undefined.note("wait_days_mean", new double[] {1, 2}));
        assertEquals("undefined in 1 of 3 replications, left out (no treatment starts)",
                Undefined.note("wait_days_mean", new double[] {1, Double.NaN, 2}));
        assertEquals("undefined in every replication (no staff funded in the pathway for part of the period)",
                Undefined.note("caseload_per_fte_mean_x", new double[] {Double.NaN}));
    }

    @Test
    void pairedTMatchesHandComputation() {
        double[] a = {10, 12, 9, 11, 13};
        double[] b = {11, 14, 9.5, 12, 15};
        // differences 1, 2, 0.5, 1, 2: mean 1.3, sd sqrt(0.45) → t = 1.3 / (sqrt(0.45)/sqrt(5))
        double t = 1.3 / (Math.sqrt(0.45) / Math.sqrt(5));
        double expectedP = 2 * new org.apache.commons.math3.distribution.TDistribution(4).cumulativeProbability(-t);
        PairedComparison c = PairedComparison.paired(a, b, 0.95);
        assertEquals(1.3, c.difference().mean(), 1e-12);
        assertEquals(expectedP, c.pValue(), 1e-12);
        assertEquals(11.0, c.baselineMean(), 1e-12);
        assertTrue(c.difference().low() > 0);
    }

    @Test
    void pairedWithIdenticalDifferences() {
        assertEquals(1.0, PairedComparison.paired(new double[] {1, 2}, new double[] {1, 2}, 0.95).pValue());
        // Two equal differences of values that vary: as likely as one coin tossed twice landing the same way.
        PairedComparison two = PairedComparison.paired(new double[] {1, 2}, new double[] {2, 3}, 0.95);
        assertEquals(0.5, two.pValue());
        assertEquals(Verdict.NO_DETECTABLE_DIFFERENCE,
                Verdict.of(two.difference().mean(), MultipleComparisons.holm(new double[] {two.pValue()})[0], 0.05, Direction.HIGHER_IS_BETTER));
        // Equal in arithmetic, not in doubles: 0.4 − 0.1 is 0.30000000000000004, 0.5 − 0.2 is 0.3.
        assertEquals(0.5, PairedComparison.paired(new double[] {0.1, 0.2}, new double[] {0.4, 0.5}, 0.95).pValue());
        // Zero in arithmetic, a rounding error in doubles (0.1 + 0.2 − 0.3): no difference.
        assertEquals(1.0, PairedComparison.paired(new double[] {0.3, 0.3}, new double[] {0.1 + 0.2, 0.1 + 0.2}, 0.95).pValue());
    }

    /** n equal non-zero differences between values that vary, either sign: the exact sign test's 2·0.5^n, never 0. */
    @Test
    void constantDifferencesOfVaryingValuesGiveTheSignTestP() {
        for (int n = 2; n <= 12; n++) {
            for (double d : new double[] {-3.6, 0.7, 1e-6, 112_705.714286}) {
                double[] base = new double[n];
                double[] alt = new double[n];
                for (int i = 0; i < n; i++) {
                    base[i] = 10 + 3 * i;
                    alt[i] = base[i] + d;
                }
                assertEquals(2 * Math.pow(0.5, n), PairedComparison.paired(base, alt, 0.95).pValue(), 1e-15, "n=" + n + " d=" + d);
            }
        }
        // A small spread is not constant: the t-test decides.
        assertTrue(PairedComparison.paired(new double[] {0, 0, 0}, new double[] {5, 5.01, 4.99}, 0.95).pValue() < 1e-4);
    }

    /**
     * A difference set by the inputs (each scenario the same in every replication: 36 funded
     * places against 32) is exact, p = 0 whatever n, and survives Holm's correction; rounding
     * in the values (0.1 + 0.2 against 0.3) does not make them vary.
     */
    @Test
    void aDifferenceSetByTheInputsIsExact() {
        for (int n = 2; n <= 12; n++) {
            double[] base = new double[n];
            double[] alt = new double[n];
            java.util.Arrays.fill(base, 36);
            java.util.Arrays.fill(alt, 32.4);
            if (n > 2) base[1] = 35.99999999999999;
            PairedComparison c = PairedComparison.paired(base, alt, 0.95);
            assertEquals(0.0, c.pValue(), "n=" + n);
            assertEquals(Verdict.LOWER, Verdict.of(c.difference().mean(),
                    MultipleComparisons.holm(new double[] {c.pValue(), 0.5, 0.01})[0], 0.05, Direction.NEUTRAL));
        }
    }

    @Test
    void holmTextbookExample() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, MultipleComparisons.holm(new double[] {0.01, 0.04, 0.03}), 1e-12);
        assertArrayEquals(new double[] {0.03, 0.12, 0.09}, MultipleComparisons.bonferroni(new double[] {0.01, 0.04, 0.03}), 1e-12);
        double[] withNaN = MultipleComparisons.holm(new double[] {0.01, Double.NaN, 0.5});
        assertEquals(0.02, withNaN[0], 1e-12);
        assertTrue(Double.isNaN(withNaN[1]));
        assertEquals(0.5, withNaN[2], 1e-12);
    }

    @Test
    void verdictsFollowEachMetricsDirection() {
        assertEquals(Verdict.WORSE, Verdict.of(5, 0.01, 0.05, Direction.LOWER_IS_BETTER));
        assertEquals(Verdict.BETTER, Verdict.of(-5, 0.01, 0.05, Direction.LOWER_IS_BETTER));
        assertEquals(Verdict.BETTER, Verdict.of(5, 0.01, 0.05, Direction.HIGHER_IS_BETTER));
        assertEquals(Verdict.LOWER, Verdict.of(-5, 0.01, 0.05, Direction.NEUTRAL));
        assertEquals(Verdict.NO_DETECTABLE_DIFFERENCE, Verdict.of(5, 0.2, 0.05, Direction.HIGHER_IS_BETTER));
        assertEquals("no detectable difference", Verdict.NO_DETECTABLE_DIFFERENCE.label());
    }

    @Test
    void mserFindsTheEndOfAnInitialTransient() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) x[i] = (i < 100 ? 50 * Math.exp(-i / 25.0) : 0) + gaussian(rng);
        int d = Mser.truncationPoint(x, 5);
        // The transient is below the noise level (sd 1) after ~100 observations (50·e^-4 ≈ 0.9).
        assertTrue(d >= 60 && d <= 130, "truncation " + d);
        double[] flat = new double[1000];
        for (int i = 0; i < flat.length; i++) flat[i] = gaussian(rng);
        assertTrue(Mser.truncationPoint(flat, 5) <= 50, "stationary series truncated at " + Mser.truncationPoint(flat, 5));
    }

    @Test
    void replicationCountGrowsWithNoise() {
        double[] tight = {100, 101, 99, 100, 100.5};
        double[] loose = {100, 150, 50, 120, 80};
        assertTrue(ReplicationCount.precise(tight, 0.05, 0.95));
        assertTrue(!ReplicationCount.precise(loose, 0.05, 0.95));
        assertTrue(ReplicationCount.estimateNeeded(loose, 0.05, 0.95) > 50);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
