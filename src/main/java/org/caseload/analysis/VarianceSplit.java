package org.caseload.analysis;

import org.caseload.stats.PairedComparison;

/**
 * The variance of an output across parameter samples split into parameter uncertainty and
 * simulation noise: the one-way random-effects ANOVA estimator of O'Hagan, Stevenson and
 * Madan (2007). With K parameter samples and n_k replications of sample k, the sample means
 * vary by parameter variance plus noise variance / n_k, so
 * σ²_parameters = s²(sample means) − mean(1/n_k) × σ²_noise, where σ²_noise is the pooled
 * within-sample variance. The correction for finite replications is the second term; without
 * it the parameter variance (and a 95% uncertainty interval read from the sample means) is
 * inflated by noise. A negative estimate (noise swamps the parameters) is reported as 0.
 * An output that is the same in every replication of every sample has no variance at all:
 * every part is exactly 0 and the parameter share is undefined (NaN), whatever rounding the
 * means of equal values would otherwise leave behind. "The same" allows for rounding: values
 * spread by at most {@link PairedComparison#CONSTANT} of the scale they are measured against
 * (a time-averaged staff level that never moves comes out as 52 ± 4e-13).
 *
 * @param parameters          variance of the true mean output across parameter uncertainty
 * @param noisePerReplication variance of one replication's output around its sample's mean
 * @param noiseInSampleMeans  the part of the sample means' variance that is noise (σ²_noise × mean(1/n_k))
 * @param samples             K, samples with at least one value
 */
public record VarianceSplit(double parameters, double noisePerReplication, double noiseInSampleMeans, int samples) {

    /** @param y {@code y[k][r]}: replication r of parameter sample k (NaN values are left out) */
    public static VarianceSplit estimate(double[][] y) {
        return estimate(y, largest(y));
    }

    /**
     * As {@link #estimate(double[][])}, telling a constant output from rounding by {@code scale}:
     * for a difference of two outputs, the larger of theirs, since a difference of equal
     * outputs is rounding around 0 and has no scale of its own.
     */
    public static VarianceSplit estimate(double[][] y, double scale) {
        if (constant(y, scale)) {
            int k = 0;
            for (double[] row : y) if (Stats.finite(row).length > 0) k++;
            return new VarianceSplit(0, 0, 0, k);
        }
        int k = 0;
        double withinSs = 0;
        int withinDf = 0;
        double inverseN = 0;
        double[] means = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double[] f = Stats.finite(y[i]);
            if (f.length == 0) {
                means[i] = Double.NaN;
                continue;
            }
            double m = Stats.mean(f);
            means[i] = m;
            k++;
            inverseN += 1.0 / f.length;
            for (double v : f) withinSs += (v - m) * (v - m);
            withinDf += f.length - 1;
        }
        double noise = withinDf > 0 ? withinSs / withinDf : Double.NaN;
        double between = Stats.variance(means);
        double noiseInMeans = k > 0 ? noise * inverseN / k : Double.NaN;
        double parameters = Double.isNaN(between) || Double.isNaN(noiseInMeans) ? Double.NaN : Math.max(0, between - noiseInMeans);
        return new VarianceSplit(parameters, noise, noiseInMeans, k);
    }

    /**
     * True when at least two values are defined and all are equal, rounding apart (see the
     * class comment). The mean of equal values can differ from them in the last bit (three
     * 0.1s), which would leave a noise variance of 1e-34 and a share of 0 where a constant
     * output's share is undefined.
     */
    private static boolean constant(double[][] y, double scale) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double[] row : y) {
            for (double v : row) {
                if (Double.isNaN(v)) continue;
                low = Math.min(low, v);
                high = Math.max(high, v);
                n++;
            }
        }
        return n >= 2 && high - low <= PairedComparison.CONSTANT * scale;
    }

    /** The largest magnitude of the defined values (0 when none is). */
    static double largest(double[][]... ys) {
        double m = 0;
        for (double[][] y : ys) {
            for (double[] row : y) {
                for (double v : row) if (!Double.isNaN(v)) m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /** Share (%) of the sample means' variance that parameter uncertainty explains; NaN when there is none. */
    public double pctParameters() {
        double total = parameters + noiseInSampleMeans;
        return total > 0 ? 100 * parameters / total : Double.NaN;
    }
}
