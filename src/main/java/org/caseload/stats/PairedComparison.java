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
 *                        NaN with fewer than 2 pairs. A constant non-zero difference gives 0
 *                        (exactly: no noise at all), which outputs print as {@code <0.0001}.
 */
public record PairedComparison(double baselineMean, double alternativeMean, ConfidenceInterval difference, double pValue) {

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
        private int both;

        /** Adds replication r's values; it counts only when both are defined. */
        public void add(double baseline, double alternative) {
            if (!Double.isFinite(baseline) || !Double.isFinite(alternative)) {
                difference.add(Double.NaN);
                return;
            }
            sumBaseline += baseline;
            sumAlternative += alternative;
            both++;
            difference.add(alternative - baseline);
        }

        public PairedComparison comparison(double level) {
            ConfidenceInterval ci = difference.interval(level);
            double p;
            if (ci.n() < 2) {
                p = Double.NaN;
            } else if (ci.sd() == 0 || Double.isNaN(ci.sd())) {
                p = ci.mean() == 0 ? 1.0 : 0.0;
            } else {
                double t = ci.mean() / (ci.sd() / Math.sqrt(ci.n()));
                p = 2 * new TDistribution(null, ci.n() - 1).cumulativeProbability(-Math.abs(t));
            }
            return new PairedComparison(both > 0 ? sumBaseline / both : Double.NaN,
                    both > 0 ? sumAlternative / both : Double.NaN, ci, p);
        }
    }
}
