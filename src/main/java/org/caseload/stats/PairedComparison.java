package org.caseload.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Paired-t comparison of an alternative with a baseline run under common random numbers:
 * replication r of both used the same random streams, so the per-replication differences
 * carry far less noise than the two samples apart.
 *
 * <p>Only replications where the metric is defined in both scenarios are paired; the
 * means are over those pairs too, so that the difference is their difference.
 * {@code difference().n()} is the number of pairs used.
 *
 * @param baselineMean    mean of the baseline values (over the pairs used)
 * @param alternativeMean mean of the alternative values (over the pairs used)
 * @param difference      CI of the mean difference (alternative − baseline)
 * @param pValue          two-sided p-value of the paired t-test that the mean difference is 0;
 *                        NaN with fewer than 2 pairs. Where the n differences are all equal (to
 *                        within rounding: their sd at most {@value #CONSTANT} of the largest value
 *                        paired) the t statistic is infinite and says nothing, so instead:
 *                        differences all zero give 1; if each scenario's values are themselves
 *                        the same in every replication (funded places, a budget: the difference
 *                        is set by the inputs, not drawn) the p-value is 0, which outputs print
 *                        as {@code <0.0001}; otherwise (values that vary but happened to move
 *                        by the same amount, as a step-valued count can with few replications)
 *                        it is the exact two-sided sign test's, 2·0.5<sup>n</sup>, the chance
 *                        of n pairs all of one sign when the difference is 0: 0.5 with two pairs.
 */
public record PairedComparison(double baselineMean, double alternativeMean, ConfidenceInterval difference, double pValue) {

    /**
     * Values whose spread is at most this fraction of the largest value paired are equal
     * (rounding apart: a time average of a level that never moves differs from it by ~1e-14).
     */
    public static final double CONSTANT = 1e-9;

    public static PairedComparison paired(double[] baseline, double[] alternative, double level) {
        if (baseline.length != alternative.length) throw new IllegalArgumentException("paired samples differ in size");
        Pairs pairs = new Pairs();
        for (int i = 0; i < baseline.length; i++) pairs.add(baseline[i], alternative[i]);
        return pairs.comparison(level);
    }

    /**
     * The running sums of a paired comparison, fed one replication at a time in replication
     * order; {@link #paired} folds whole arrays through it, so both give the same doubles.
     */
    public static final class Pairs {
        private final Welford difference = new Welford();
        private double sumBaseline;
        private double sumAlternative;
        private final double[] baselineRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        private final double[] alternativeRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        private int both;

        /** Adds replication r's values; it counts only when both are defined. */
        public void add(double baseline, double alternative) {
            if (!Double.isFinite(baseline) || !Double.isFinite(alternative)) {
                difference.add(Double.NaN);
                return;
            }
            sumBaseline += baseline;
            sumAlternative += alternative;
            widen(baselineRange, baseline);
            widen(alternativeRange, alternative);
            both++;
            difference.add(alternative - baseline);
        }

        public PairedComparison comparison(double level) {
            ConfidenceInterval ci = difference.interval(level);
            double p;
            if (ci.n() < 2) {
                p = Double.NaN;
            } else if (Double.isNaN(ci.sd()) || ci.sd() <= CONSTANT * largest()) {
                if (Math.abs(ci.mean()) <= CONSTANT * largest()) p = 1.0;
                else if (equal(baselineRange) && equal(alternativeRange)) p = 0.0;
                else p = Math.min(1.0, 2 * Math.pow(0.5, ci.n()));
            } else {
                double t = ci.mean() / (ci.sd() / Math.sqrt(ci.n()));
                p = 2 * new TDistribution(null, ci.n() - 1).cumulativeProbability(-Math.abs(t));
            }
            return new PairedComparison(both > 0 ? sumBaseline / both : Double.NaN,
                    both > 0 ? sumAlternative / both : Double.NaN, ci, p);
        }

        private static void widen(double[] range, double x) {
            range[0] = Math.min(range[0], x);
            range[1] = Math.max(range[1], x);
        }

        private boolean equal(double[] range) {
            return range[1] - range[0] <= CONSTANT * largest();
        }

        /** The largest magnitude paired, from the two scenarios' ranges. */
        private double largest() {
            return Math.max(Math.max(Math.abs(baselineRange[0]), Math.abs(baselineRange[1])),
                    Math.max(Math.abs(alternativeRange[0]), Math.abs(alternativeRange[1])));
        }
    }
}
