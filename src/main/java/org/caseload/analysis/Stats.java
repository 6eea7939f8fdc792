package org.caseload.analysis;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/** Small summaries the analyses share; NaN values (undefined metrics) are left out. */
final class Stats {
    private Stats() {
    }

    static double[] finite(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
    }

    static double mean(double[] v) {
        double[] f = finite(v);
        if (f.length == 0) return Double.NaN;
        double s = 0;
        for (double x : f) s += x;
        return s / f.length;
    }

    /** Sample variance (n − 1); NaN with fewer than two values. */
    static double variance(double[] v) {
        double[] f = finite(v);
        if (f.length < 2) return Double.NaN;
        double m = mean(f);
        double s = 0;
        for (double x : f) s += (x - m) * (x - m);
        return s / (f.length - 1);
    }

    /** The p-quantile with linear interpolation between order statistics (R's type 7). */
    static double quantile(double[] v, double p) {
        double[] f = finite(v);
        if (f.length == 0) return Double.NaN;
        Arrays.sort(f);
        double h = (f.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(f.length - 1, lo + 1);
        return f[lo] + (h - lo) * (f[hi] - f[lo]);
    }

    /** Student-t quantile with n − 1 degrees of freedom. */
    static double t(int n, double p) {
        return new TDistribution(null, Math.max(1, n - 1)).inverseCumulativeProbability(p);
    }

    /** Standard error of the mean. */
    static double se(double[] v) {
        double[] f = finite(v);
        return f.length < 2 ? Double.NaN : Math.sqrt(variance(f) / f.length);
    }

    /** A Student-t interval, or an all-NaN one when no value is defined. */
    static org.caseload.stats.ConfidenceInterval ci(double[] v, double level) {
        if (finite(v).length == 0) return new org.caseload.stats.ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, level);
        return org.caseload.stats.ConfidenceInterval.student(v, level);
    }

    /** A paired comparison, or an all-NaN one when no difference is defined. */
    static org.caseload.stats.PairedComparison paired(double[] base, double[] alt, double level) {
        if (finite(minus(alt, base)).length == 0) {
            return new org.caseload.stats.PairedComparison(mean(base), mean(alt), ci(new double[0], level), Double.NaN);
        }
        return org.caseload.stats.PairedComparison.paired(base, alt, level);
    }

    static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
        return d;
    }
}
