package org.caseload.scenario;

import umontreal.ssj.probdist.BetaDist;
import umontreal.ssj.probdist.GammaDist;
import umontreal.ssj.probdist.LognormalDist;
import umontreal.ssj.probdist.NormalDist;

/**
 * What is believed about one uncertain parameter: a distribution over its value, sampled by
 * inversion so that one uniform (from a Latin hypercube or Sobol point) gives one value.
 * {@link #lower()} and {@link #upper()} bound the support; they may be infinite.
 */
public sealed interface ParameterDistribution {
    /** The u-quantile, 0 &lt; u &lt; 1. */
    double quantile(double u);

    double lower();

    double upper();

    /** Whether the support excludes {@link #lower()} itself (gamma, lognormal start above 0). */
    default boolean lowerOpen() {
        return false;
    }

    /** A short description for reports, e.g. {@code beta(mean 0.5, sd 0.1)}. */
    String describe();

    /** Beta with shape parameters alpha and beta: for probabilities. */
    record Beta(double alpha, double beta) implements ParameterDistribution {
        public Beta {
            require(alpha > 0 && beta > 0, "beta alpha and beta must be > 0");
        }

        /** From a mean and standard deviation; needs sd² &lt; mean(1 − mean). */
        public static Beta ofMeanSd(double mean, double sd) {
            double k = mean * (1 - mean) / (sd * sd) - 1;
            return new Beta(mean * k, (1 - mean) * k);
        }

        public double quantile(double u) {
            return BetaDist.inverseF(alpha, beta, 12, u);
        }

        public double lower() {
            return 0;
        }

        public double upper() {
            return 1;
        }

        public String describe() {
            double m = alpha / (alpha + beta);
            double sd = Math.sqrt(alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1)));
            return "beta(mean " + fmt(m) + ", sd " + fmt(sd) + ")";
        }
    }

    /** Gamma with a shape and a mean (scale = mean / shape). */
    record Gamma(double shape, double mean) implements ParameterDistribution {
        public Gamma {
            require(shape > 0 && mean > 0, "gamma shape and mean must be > 0");
        }

        public static Gamma ofMeanSd(double mean, double sd) {
            return new Gamma(mean * mean / (sd * sd), mean);
        }

        public double quantile(double u) {
            return GammaDist.inverseF(shape, shape / mean, 12, u);
        }

        public double lower() {
            return 0;
        }

        public double upper() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public boolean lowerOpen() {
            return true;
        }

        public String describe() {
            return "gamma(mean " + fmt(mean) + ", sd " + fmt(mean / Math.sqrt(shape)) + ")";
        }
    }

    /** Lognormal with mu and sigma of the logarithm. */
    record Lognormal(double mu, double sigma) implements ParameterDistribution {
        public Lognormal {
            require(sigma > 0 && Double.isFinite(mu), "lognormal sigma must be > 0");
        }

        public static Lognormal ofMeanSd(double mean, double sd) {
            double s2 = Math.log1p(sd * sd / (mean * mean));
            return new Lognormal(Math.log(mean) - s2 / 2, Math.sqrt(s2));
        }

        public double quantile(double u) {
            return LognormalDist.inverseF(mu, sigma, u);
        }

        public double lower() {
            return 0;
        }

        public double upper() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public boolean lowerOpen() {
            return true;
        }

        public String describe() {
            return "lognormal(median " + fmt(Math.exp(mu)) + ", sigma " + fmt(sigma) + ")";
        }
    }

    /** Normal truncated to [min, max] (either may be infinite). */
    record TruncatedNormal(double mean, double sd, double min, double max) implements ParameterDistribution {
        public TruncatedNormal {
            require(sd > 0 && min < max, "normal needs sd > 0 and min < max");
        }

        /** Probability mass inside [min, max] (the truncation must keep some). */
        public double mass() {
            return NormalDist.cdf(mean, sd, max) - NormalDist.cdf(mean, sd, min);
        }

        public double quantile(double u) {
            double a = NormalDist.cdf(mean, sd, min);
            double b = NormalDist.cdf(mean, sd, max);
            double x = NormalDist.inverseF(mean, sd, a + u * (b - a));
            return Math.min(max, Math.max(min, x));
        }

        public double lower() {
            return min;
        }

        public double upper() {
            return max;
        }

        public String describe() {
            return "normal(mean " + fmt(mean) + ", sd " + fmt(sd) + (Double.isFinite(min) ? ", min " + fmt(min) : "")
                    + (Double.isFinite(max) ? ", max " + fmt(max) : "") + ")";
        }
    }

    record Uniform(double min, double max) implements ParameterDistribution {
        public Uniform {
            require(min < max, "uniform needs min < max");
        }

        public double quantile(double u) {
            return min + u * (max - min);
        }

        public double lower() {
            return min;
        }

        public double upper() {
            return max;
        }

        public String describe() {
            return "uniform(" + fmt(min) + " to " + fmt(max) + ")";
        }
    }

    record Triangular(double min, double mode, double max) implements ParameterDistribution {
        public Triangular {
            require(min < max && mode >= min && mode <= max, "triangular needs min <= mode <= max and min < max");
        }

        public double quantile(double u) {
            double w = max - min;
            double f = (mode - min) / w;
            return u < f ? min + Math.sqrt(u * w * (mode - min)) : max - Math.sqrt((1 - u) * w * (max - mode));
        }

        public double lower() {
            return min;
        }

        public double upper() {
            return max;
        }

        public String describe() {
            return "triangular(" + fmt(min) + ", mode " + fmt(mode) + ", " + fmt(max) + ")";
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    private static String fmt(double v) {
        return ScenarioVariant.text(Math.abs(v) >= 100 ? Math.rint(v) : Math.round(v * 10000) / 10000.0);
    }
}
