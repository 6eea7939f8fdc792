package org.caseload.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A Student-t confidence interval for the mean of independent replication results.
 * Undefined values (NaN: a metric undefined in a replication; infinities are treated the
 * same) are left out and {@code n} counts the values used. With one value the spread and
 * interval are NaN; with none, the mean is NaN too.
 */
public record ConfidenceInterval(double mean, double sd, double low, double high, int n, double level) {

    public static ConfidenceInterval student(double[] values, double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0,1)");
        Welford w = new Welford();
        for (double v : values) w.add(v);
        return w.interval(level);
    }

    /** The interval of {@code n} defined values with this running mean and sum of squared deviations ({@link Welford}). */
    static ConfidenceInterval of(int n, double mean, double m2, double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0,1)");
        if (n == 0) return new ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, level);
        if (n == 1) return new ConfidenceInterval(mean, Double.NaN, Double.NaN, Double.NaN, 1, level);
        double sd = Math.sqrt(m2 / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2);
        double hw = t * sd / Math.sqrt(n);
        return new ConfidenceInterval(mean, sd, mean - hw, mean + hw, n, level);
    }

    /** Whether the mean is defined (at least one value). */
    public boolean defined() {
        return n > 0;
    }

    public double halfWidth() {
        return (high - low) / 2;
    }

    public boolean contains(double x) {
        return x >= low && x <= high;
    }
}
