package org.caseload.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import umontreal.ssj.probdist.GammaDist;

/**
 * The gamma quantile against two independent implementations: SSJ's root finder where it is
 * accurate (the body of the distribution), and commons-math's incomplete gamma function, which
 * must give back u at the quantile found, far into both tails, over the shapes a scenario may use.
 */
class GammaQuantileTest {
    private static final double[] SHAPES = {0.05, 0.1, 0.3, 0.5, 0.99, 1, 1.5, 2.5, 6, 10, 37.5, 100, 1000};

    @Test
    void agreesWithSsjInTheBodyOfTheDistribution() {
        for (double a : SHAPES) {
            double lnGammaA = Gamma.logGamma(a);
            for (int i = 1; i < 1000; i++) {
                double u = i / 1000.0 * 0.99;
                double expected = GammaDist.inverseF(a, 15, u);
                double x = GammaQuantile.halley(a, lnGammaA, u);
                assertEquals(expected, x, 1e-12 * expected, "shape " + a + ", u " + u);
            }
        }
    }

    @Test
    void givesBackUAtTheQuantileFarIntoBothTails() {
        for (double a : SHAPES) {
            double lnGammaA = Gamma.logGamma(a);
            for (int e = 1; e <= 16; e++) {
                for (double m : new double[] {1, 2.5, 5}) {
                    double u = m * Math.pow(10, -e);
                    double low = GammaQuantile.halley(a, lnGammaA, u);
                    assertFalse(Double.isNaN(low), "shape " + a + ", u " + u + " did not settle");
                    if (low >= Double.MIN_NORMAL) { // below that x itself has fewer digits
                        assertEquals(u, Gamma.regularizedGammaP(a, low, 1e-16, 100_000), 1e-10 * u, "shape " + a + ", u " + u);
                    }
                    double upperTail = 1 - (1 - u); // u as the streams can give it next to 1
                    double high = GammaQuantile.halley(a, lnGammaA, 1 - u);
                    assertFalse(Double.isNaN(high), "shape " + a + ", u 1 - " + u + " did not settle");
                    assertEquals(upperTail, Gamma.regularizedGammaQ(a, high, 1e-16, 100_000), 1e-10 * upperTail,
                            "shape " + a + ", u 1 - " + u);
                }
            }
        }
    }

    @Test
    void risesWithUAndAveragesToTheMean() {
        Distribution.Gamma rehab = new Distribution.Gamma(6, 120);
        int n = 200_000;
        double sum = 0;
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double x = rehab.quantile((i + 0.5) / n);
            assertTrue(x > previous, "not increasing at " + i);
            previous = x;
            sum += x;
        }
        assertEquals(120, sum / n, 0.01); // the midpoint rule over u, a check on the scale (rate 6/120)
    }

    @Test
    void endsOfTheUnitIntervalAreSsjs() {
        assertEquals(0, GammaQuantile.of(6, Gamma.logGamma(6), 0));
        assertEquals(Double.POSITIVE_INFINITY, GammaQuantile.of(6, Gamma.logGamma(6), 1));
    }
}
