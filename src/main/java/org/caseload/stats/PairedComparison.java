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
        double[] d = new double[baseline.length];
        double[] a = new double[baseline.length];
        double[] b = new double[baseline.length];
        for (int i = 0; i < d.length; i++) {
            boolean both = Double.isFinite(baseline[i]) && Double.isFinite(alternative[i]);
            b[i] = both ? baseline[i] : Double.NaN;
            a[i] = both ? alternative[i] : Double.NaN;
            d[i] = both ? alternative[i] - baseline[i] : Double.NaN;
        }
        ConfidenceInterval ci = ConfidenceInterval.student(d, level);
        double p;
        if (ci.n() < 2) {
            p = Double.NaN;
        } else if (ci.sd() == 0 || Double.isNaN(ci.sd())) {
            p = ci.mean() == 0 ? 1.0 : 0.0;
        } else {
            double t = ci.mean() / (ci.sd() / Math.sqrt(ci.n()));
            p = 2 * new TDistribution(null, ci.n() - 1).cumulativeProbability(-Math.abs(t));
        }
        return new PairedComparison(mean(b), mean(a), ci, p);
    }

    private static double mean(double[] xs) {
        double s = 0;
        int n = 0;
        for (double x : xs) {
            if (!Double.isFinite(x)) continue;
            s += x;
            n++;
        }
        return n > 0 ? s / n : Double.NaN;
    }
}
