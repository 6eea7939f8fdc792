package org.caseload.scenario;

import umontreal.ssj.probdist.GammaDist;
import umontreal.ssj.probdist.NormalDist;

/**
 * Quantiles of the gamma distribution with rate 1, found by Halley's method on the regularised
 * incomplete gamma function: a few evaluations of one tail (series below {@code a + 1},
 * continued fraction above) from a Wilson–Hilferty start, inside a bracket that only narrows.
 * It agrees with SSJ's {@code GammaDist.inverseF} at 15 digits to 1e-12 (relative) or better
 * below u = 0.99, is more accurate in the far upper tail (SSJ solves the lower tail there), and
 * takes about a quarter of the time (QuantileBenchmark); where the iteration does not settle (not seen over the shapes
 * caseload accepts) the answer is SSJ's.
 *
 * <p>The tail solved is the smaller one ({@code P} for u &le; 1/2, {@code Q} above, with
 * {@code 1 - u} exact there), so both tails keep their relative precision.
 */
final class GammaQuantile {
    private static final double TOLERANCE = 1e-14;
    private static final double TINY = 1e-300;
    private static final int MAX_STEPS = 100;

    private GammaQuantile() {
    }

    /** The u-quantile of the gamma distribution with shape {@code a} and rate 1; {@code lnGammaA} is ln Γ(a). */
    static double of(double a, double lnGammaA, double u) {
        if (!(u > 0 && u < 1)) return GammaDist.inverseF(a, 15, u);
        double x = halley(a, lnGammaA, u);
        return Double.isNaN(x) ? GammaDist.inverseF(a, 15, u) : x;
    }

    /** Halley's iteration, or NaN if it does not settle within {@value #MAX_STEPS} steps. */
    static double halley(double a, double lnGammaA, double u) {
        boolean upper = u > 0.5;
        double target = upper ? 1 - u : u;
        double x = start(a, lnGammaA, u);
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_STEPS; step++) {
            double tail = tail(a, lnGammaA, x, upper);
            double f = upper ? target - tail : tail - target; // P(a, x) - u, increasing in x
            if (f == 0) return x;
            if (f < 0) lo = x;
            else hi = x;
            double density = Math.exp((a - 1) * Math.log(x) - x - lnGammaA);
            double newton = f / density;
            double bend = 1 - 0.5 * newton * ((a - 1) / x - 1);
            double next = x - (bend > 0.5 && bend < 2 ? newton / bend : newton);
            if (!(next > lo && next < hi)) next = hi == Double.POSITIVE_INFINITY ? 2 * Math.max(x, lo) : 0.5 * (lo + hi);
            if (Math.abs(next - x) <= TOLERANCE * next) return next;
            if (next == lo || next == hi) return x; // the bracket is one ulp wide
            x = next;
        }
        return Double.NaN;
    }

    /** Wilson–Hilferty's cube-of-a-normal approximation, or the small-x limit P ≈ xᵃ/Γ(a+1) where that fails. */
    private static double start(double a, double lnGammaA, double u) {
        double v = 1 / (9 * a);
        double cube = 1 - v + NormalDist.inverseF01(u) * Math.sqrt(v);
        double x = a * cube * cube * cube;
        if (a >= 1 && x > 0) return x;
        double small = Math.exp((Math.log(u) + lnGammaA + Math.log(a)) / a);
        return small > 0 && Double.isFinite(small) ? small : Double.MIN_NORMAL;
    }

    /**
     * Q(a, x) if {@code upper}, else P(a, x): the series for P below {@code a + 1} and the
     * continued fraction for Q above, each converted only when the other tail is asked for
     * (the converted tail is then the larger one, so nothing is lost).
     */
    static double tail(double a, double lnGammaA, double x, boolean upper) {
        if (x <= 0) return upper ? 1 : 0;
        double front = Math.exp(a * Math.log(x) - x - lnGammaA);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 100_000 && term > sum * 1e-17; n++) {
                term *= x / (a + n);
                sum += term;
            }
            double p = front * sum;
            return upper ? 1 - p : p;
        }
        // Q(a, x) = front / (x + 1 - a - 1(1 - a) / (x + 3 - a - 2(2 - a) / (x + 5 - a - ...))), by Lentz's method
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) d = TINY;
            c = b + an / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        double q = front * h;
        return upper ? q : 1 - q;
    }
}
