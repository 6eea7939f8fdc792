package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.caseload.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Arrival times by inverting the cumulative referral rate ({@link Arrivals}). */
class ArrivalsTest {
    private static final double MD = Scenario.DAYS_PER_MONTH;
    private static final double[] SEASONS = {1.05, 1.05, 1.02, 1.0, 1.0, 0.97, 0.95, 0.93, 1.0, 1.02, 1.02, 0.99};

    private static Window window(int warmup, int months) {
        return new Window(warmup * MD, (warmup + months) * MD, MD, months);
    }

    private static Scenario.Arrivals spec(double[] seasons, double trend, Scenario.Arrivals.Step... steps) {
        return new Scenario.Arrivals(183, seasons, trend, List.of(steps));
    }

    private static double[] flat() {
        double[] s = new double[12];
        Arrays.fill(s, 1.0);
        return s;
    }

    /** A fixed spread of exponential amounts, small and large, so arrivals cross months and pieces. */
    private static double[] draws(int n) {
        double[] e = new double[n];
        long x = 12345;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            double u = ((x >>> 11) + 0.5) / (1L << 53);
            e[i] = -Math.log(u) * (i % 7 == 0 ? 60 : 1);
        }
        return e;
    }

    private static List<Double> times(Arrivals a, double[] e) {
        List<Double> out = new ArrayList<>();
        double t = 0;
        for (double x : e) {
            t = a.next(t, x);
            if (t == Double.POSITIVE_INFINITY) break;
            out.add(t);
        }
        return out;
    }

    @Test
    void aConstantRateIsOnePieceWithExponentialGaps() {
        Arrivals a = new Arrivals(spec(flat(), 0), window(12, 24));
        assertEquals(1, a.pieceCount());
        double r = 183 / MD;
        double t = 0;
        for (double e : draws(200)) {
            double next = a.next(t, e);
            assertEquals(t + e / r, next, 0.0, "t + e / rate, exactly");
            t = next;
        }
    }

    /**
     * Between two arrivals the rate's integral is the amount drawn: checked by integrating
     * {@link Arrivals#ratePerDay} (the rate's definition) numerically, on each stretch where it is
     * smooth, under seasonality, a trend (rising and falling) and steps (one at month 0, one
     * mid-month, one that stops referrals).
     */
    @Test
    void theRateIntegratesToEachDrawBetweenArrivals() {
        Scenario.Arrivals.Step[] steps = {
            new Scenario.Arrivals.Step(0, 0.8), new Scenario.Arrivals.Step(3.5, 1.3), new Scenario.Arrivals.Step(14, 0)};
        for (double trend : new double[] {0, 12, -40}) {
            Window w = window(6, 18);
            Scenario.Arrivals spec = spec(SEASONS, trend, steps);
            Arrivals a = new Arrivals(spec, w);
            TreeSet<Double> cuts = new TreeSet<>(List.of(0.0, w.end()));
            for (int m = -6; m <= 18; m++) cuts.add(w.start() + m * MD);
            for (Scenario.Arrivals.Step s : steps) cuts.add(w.start() + s.fromMonth() * MD);
            double t = 0;
            int n = 0;
            for (double e : draws(5000)) {
                double next = a.next(t, e);
                double upTo = next == Double.POSITIVE_INFINITY ? w.end() : next;
                double mass = integral(a, cuts, t, upTo);
                if (next == Double.POSITIVE_INFINITY) {
                    assertTrue(mass < e * (1 + 1e-9), "no arrival only when the rest of the window holds less than the draw");
                    break;
                }
                assertEquals(e, mass, 1e-8 * Math.max(1, e), "trend " + trend + ", arrival " + n + " from " + t + " to " + next);
                assertTrue(next < 14 * MD + w.start(), "no referrals after the step to 0");
                t = next;
                n++;
            }
            assertTrue(n > 300, "the draws reach well into the run: " + n);
        }
    }

    /** Three-point Gauss-Legendre on 16 parts of each smooth stretch between the rate's cuts (no endpoint is evaluated). */
    private static double integral(Arrivals a, TreeSet<Double> cuts, double from, double to) {
        double[] nodes = {-Math.sqrt(0.6), 0, Math.sqrt(0.6)};
        double[] weights = {5 / 9.0, 8 / 9.0, 5 / 9.0};
        double sum = 0;
        double lo = from;
        while (lo < to) {
            Double c = cuts.higher(lo);
            double hi = c == null ? to : Math.min(c, to);
            double h = (hi - lo) / 16;
            for (int i = 0; i < 16; i++) {
                double mid = lo + (i + 0.5) * h;
                for (int j = 0; j < 3; j++) sum += weights[j] * a.ratePerDay(mid + nodes[j] * h / 2) * h / 2;
            }
            lo = hi;
        }
        return sum;
    }

    /**
     * Common random numbers for demand what-ifs: with the same draws, a scenario whose demand
     * steps up at month 9 (or rises by a trend) has exactly the arrivals of the base scenario
     * before month 9 (before month 0), and its k-th arrival after that comes no later than the
     * base's k-th; a fall, no earlier.
     */
    @Test
    void aDemandChangeLeavesEarlierArrivalsAloneAndKeepsTheRestPaired() {
        Window w = window(12, 24);
        double[] e = draws(20000);
        List<Double> base = times(new Arrivals(spec(SEASONS, 0), w), e);
        double[][] cases = {{9, 1.2, 0}, {9, 0.7, 0}, {0, 1, 5}, {0, 1, -5}};
        for (double[] c : cases) {
            Scenario.Arrivals spec = c[0] > 0 ? spec(SEASONS, 0, new Scenario.Arrivals.Step(c[0], c[1])) : spec(SEASONS, c[2]);
            List<Double> other = times(new Arrivals(spec, w), e);
            double change = w.start() + c[0] * MD;
            boolean rises = c[1] > 1 || c[2] > 0;
            int before = 0;
            for (int k = 0; k < Math.min(base.size(), other.size()); k++) {
                double b = base.get(k);
                double o = other.get(k);
                if (b <= change) {
                    assertEquals(b, o, 0.0, "arrival " + k + " before the change");
                    before++;
                } else {
                    assertTrue(rises ? o <= b : o >= b, "arrival " + k + ": " + o + " against " + b + " (" + Arrays.toString(c) + ")");
                }
            }
            assertTrue(before > 150, "arrivals before the change compared: " + before);
            assertTrue(rises ? other.size() > base.size() : other.size() < base.size(), Arrays.toString(c));
        }
    }
}
