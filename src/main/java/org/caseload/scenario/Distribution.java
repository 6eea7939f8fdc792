package org.caseload.scenario;

import java.util.Arrays;
import umontreal.ssj.probdist.ExponentialDist;
import umontreal.ssj.probdist.LognormalDist;
import umontreal.ssj.probdist.WeibullDist;

/**
 * A non-negative time-to-event distribution, sampled by inversion so that every draw uses
 * exactly one uniform: that keeps random streams synchronised across scenarios (common
 * random numbers). Parameters are in days.
 */
public sealed interface Distribution {
    /** The u-quantile, 0 &lt; u &lt; 1. */
    double quantile(double u);

    double mean();

    /**
     * The u-quantile of this distribution's length-biased form, density x·f(x)/mean: the
     * length of the stay that a person found in it at a random moment is part way through (long
     * stays are found more often). One uniform, in closed form for every kind; 0 if every draw
     * is 0.
     */
    double lengthBiasedQuantile(double u);

    /**
     * Whether a draw can be exactly 0 days with positive probability (fixed 0, uniform from 0
     * to 0, empirical with a 0). Continuous distributions, uniform from 0 to a positive max
     * included, never return exactly 0: the streams never give u = 0.
     */
    default boolean canBeZero() {
        return false;
    }

    /** Exponential with the given mean. */
    record Exponential(double mean) implements Distribution {
        public Exponential {
            require(mean > 0, "exponential mean must be > 0");
        }

        public double quantile(double u) {
            return ExponentialDist.inverseF(1.0 / mean, u);
        }

        /** Gamma with shape 2 and the same rate. */
        public double lengthBiasedQuantile(double u) {
            return GammaQuantile.of(2, 0.0, u) * mean; // ln Γ(2) = 0
        }
    }

    /** Gamma with shape k and the given mean (rate k/mean), inverted by {@link GammaQuantile} (~0.4 µs a draw; QuantileBenchmark). */
    record Gamma(double shape, double mean) implements Distribution {
        public Gamma {
            require(shape > 0 && mean > 0, "gamma shape and mean must be > 0");
        }

        public double quantile(double u) {
            return GammaQuantile.of(shape, org.apache.commons.math3.special.Gamma.logGamma(shape), u) / (shape / mean);
        }

        /** Gamma with shape k + 1 and the same rate. */
        public double lengthBiasedQuantile(double u) {
            return GammaQuantile.of(shape + 1, org.apache.commons.math3.special.Gamma.logGamma(shape + 1), u) / (shape / mean);
        }
    }

    /** Lognormal with mu and sigma of the logarithm. */
    record Lognormal(double mu, double sigma) implements Distribution {
        public Lognormal {
            require(sigma > 0, "lognormal sigma must be > 0");
        }

        public static Lognormal ofMedian(double median, double sigma) {
            return new Lognormal(Math.log(median), sigma);
        }

        public static Lognormal ofMeanSd(double mean, double sd) {
            double s2 = Math.log1p(sd * sd / (mean * mean));
            return new Lognormal(Math.log(mean) - s2 / 2, Math.sqrt(s2));
        }

        public double quantile(double u) {
            return LognormalDist.inverseF(mu, sigma, u);
        }

        /** Lognormal with mu + sigma² and the same sigma. */
        public double lengthBiasedQuantile(double u) {
            return LognormalDist.inverseF(mu + sigma * sigma, sigma, u);
        }

        public double mean() {
            return Math.exp(mu + sigma * sigma / 2);
        }
    }

    /** Weibull with shape k and scale (commons-math convention; SSJ's lambda is 1/scale). */
    record Weibull(double shape, double scale) implements Distribution {
        public Weibull {
            require(shape > 0 && scale > 0, "weibull shape and scale must be > 0");
        }

        public double quantile(double u) {
            return WeibullDist.inverseF(shape, 1.0 / scale, 0.0, u);
        }

        /** scale·G^(1/k) with G gamma of shape 1 + 1/k and rate 1 (substitute y = (x/scale)^k in x·f(x)). */
        public double lengthBiasedQuantile(double u) {
            double a = 1 + 1 / shape;
            return scale * Math.pow(GammaQuantile.of(a, org.apache.commons.math3.special.Gamma.logGamma(a), u), 1 / shape);
        }

        public double mean() {
            return scale * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape));
        }
    }

    /** Always the same value: for deterministic checks and fixed-length programmes. */
    record Fixed(double value) implements Distribution {
        public Fixed {
            require(value >= 0, "fixed value must be >= 0");
        }

        public double quantile(double u) {
            return value;
        }

        public double lengthBiasedQuantile(double u) {
            return value;
        }

        @Override
        public boolean canBeZero() {
            return value == 0;
        }

        public double mean() {
            return value;
        }
    }

    /** Uniform between min and max. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            require(min >= 0 && max >= min, "uniform needs 0 <= min <= max");
        }

        public double quantile(double u) {
            return min + u * (max - min);
        }

        /** Density ∝ x on [min, max]: the CDF is (x² − min²)/(max² − min²). */
        public double lengthBiasedQuantile(double u) {
            return Math.min(max, Math.sqrt(min * min + u * (max * max - min * min)));
        }

        @Override
        public boolean canBeZero() {
            return max == 0;
        }

        public double mean() {
            return (min + max) / 2;
        }
    }

    /** Each observed value equally likely (values are sorted on construction). */
    record Empirical(double[] values) implements Distribution {
        public Empirical {
            require(values.length > 0, "empirical needs at least one value");
            values = values.clone();
            Arrays.sort(values);
            require(values[0] >= 0, "empirical values must be >= 0");
        }

        public double quantile(double u) {
            int i = (int) (u * values.length);
            return values[Math.min(values.length - 1, Math.max(0, i))];
        }

        public double mean() {
            return Arrays.stream(values).average().orElseThrow();
        }

        /** Each value with probability proportional to its size (the first if all are 0). */
        public double lengthBiasedQuantile(double u) {
            double total = 0;
            for (double v : values) total += v;
            double target = u * total;
            double acc = 0;
            for (double v : values) {
                acc += v;
                if (target < acc) return v;
            }
            return values[values.length - 1];
        }

        @Override
        public boolean canBeZero() {
            return values[0] == 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Empirical e && Arrays.equals(values, e.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Empirical" + Arrays.toString(values);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
