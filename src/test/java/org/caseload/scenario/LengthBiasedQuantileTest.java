package org.caseload.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Each distribution's length-biased quantile against its definition: the length-biased CDF at
 * the ordinary v-quantile is the share of the mean contributed by draws below it,
 * F*(Q(v)) = ∫₀ᵛ Q(u) du / mean, the integral taken numerically from the ordinary quantile.
 */
class LengthBiasedQuantileTest {
    private static final List<Distribution> CONTINUOUS = List.of(
            new Distribution.Exponential(90),
            new Distribution.Gamma(0.4, 200),
            new Distribution.Gamma(3, 120),
            Distribution.Lognormal.ofMeanSd(90, 150),
            new Distribution.Lognormal(5, 0.3),
            new Distribution.Weibull(0.7, 300),
            new Distribution.Weibull(2.5, 60),
            new Distribution.Uniform(0, 100),
            new Distribution.Uniform(30, 400));

    @Test
    void continuousKindsMatchTheDefinition() {
        for (Distribution d : CONTINUOUS) {
            for (double v : new double[] {0.05, 0.3, 0.5, 0.8, 0.95, 0.995}) {
                double share = integral(d, v) / d.mean();
                double expected = d.quantile(v);
                assertEquals(expected, d.lengthBiasedQuantile(share), 1e-5 * expected, d + " at v = " + v);
            }
        }
    }

    @Test
    void theMeanIsTheSecondMomentOverTheFirst() {
        // E[X²]/E[X] in closed form, against the mean of the length-biased quantile over a fine grid.
        assertBiasedMean(new Distribution.Exponential(90), 180);
        assertBiasedMean(new Distribution.Gamma(3, 120), 120 * (1 + 1.0 / 3));
        assertBiasedMean(new Distribution.Lognormal(5, 0.3), Math.exp(5 + 1.5 * 0.09));
        assertBiasedMean(new Distribution.Weibull(2.5, 60),
                60 * Math.exp(Gamma.logGamma(1 + 2 / 2.5) - Gamma.logGamma(1 + 1 / 2.5)));
        assertBiasedMean(new Distribution.Uniform(30, 400), (30.0 * 30 + 30 * 400 + 400.0 * 400) / 3 / 215);
    }

    private static void assertBiasedMean(Distribution d, double expected) {
        int n = 1_000_000;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += d.lengthBiasedQuantile((i + 0.5) / n);
        assertEquals(expected, sum / n, 1e-4 * expected, d.toString());
    }

    @Test
    void empiricalValuesAreWeightedBySize() {
        Distribution d = new Distribution.Empirical(new double[] {30, 10, 0, 60});
        // Cumulative weights 0 (the 0), 10, 40, 100 of 100.
        assertEquals(10, d.lengthBiasedQuantile(0.05));
        assertEquals(30, d.lengthBiasedQuantile(0.11));
        assertEquals(30, d.lengthBiasedQuantile(0.39));
        assertEquals(60, d.lengthBiasedQuantile(0.41));
        assertEquals(60, d.lengthBiasedQuantile(0.999));
        assertEquals(0, new Distribution.Empirical(new double[] {0, 0}).lengthBiasedQuantile(0.5));
    }

    @Test
    void fixedAndDegenerateKindsStayPut() {
        assertEquals(42, new Distribution.Fixed(42).lengthBiasedQuantile(0.7));
        assertEquals(0, new Distribution.Fixed(0).lengthBiasedQuantile(0.7));
        assertEquals(0, new Distribution.Uniform(0, 0).lengthBiasedQuantile(0.7));
        assertEquals(7, new Distribution.Uniform(7, 7).lengthBiasedQuantile(0.7));
    }

    /** ∫₀ᵛ Q(u) du by the midpoint rule on a fine grid. */
    private static double integral(Distribution d, double v) {
        int n = 200_000;
        double h = v / n;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += d.quantile((i + 0.5) * h);
        return sum * h;
    }
}
