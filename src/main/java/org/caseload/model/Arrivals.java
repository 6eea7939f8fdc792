package org.caseload.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.caseload.scenario.Scenario;

/**
 * The time-varying referral rate of new clients, and the times of the arrivals it makes: base
 * rate × seasonality (by month of the year) × trend (compounded continuously from month 0) ×
 * step changes. During warm-up (negative reporting months) only seasonality applies.
 *
 * <p>Arrival times come by inverting the cumulative rate: the k-th arrival is where the rate's
 * integral from time 0 reaches E1 + ... + Ek, each Ei exponential with mean 1 (one uniform an
 * arrival). So two scenarios whose rates agree up to some month have the same arrivals up to
 * it, and after it their k-th arrivals stay paired, earlier or later as demand rises or falls:
 * common random numbers hold for demand what-ifs too. (Thinning against the run's peak rate,
 * used before, moved every candidate when a step or trend changed the peak.)
 *
 * <p>The rate is cut into pieces at month boundaries and step points; on a piece it is
 * constant or (with a trend, in reporting months) exponential in time, so its integral and
 * the inverse have closed forms.
 */
final class Arrivals {
    private final Scenario.Arrivals spec;
    private final Window window;
    /** Start of each piece (days); the last piece ends at the window's end. */
    private final double[] left;
    /** Rate at the start of each piece, per day. */
    private final double[] rate;
    /** Growth of the rate within each piece, per day (0 during warm-up or without a trend). */
    private final double[] growth;
    /** The piece the last arrival fell in: arrivals only move forward. */
    private int piece;

    Arrivals(Scenario.Arrivals spec, Window window) {
        this.spec = spec;
        this.window = window;
        List<double[]> pieces = pieces();
        left = new double[pieces.size()];
        rate = new double[pieces.size()];
        growth = new double[pieces.size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = pieces.get(i)[0];
            rate[i] = pieces.get(i)[1];
            growth[i] = pieces.get(i)[2];
        }
    }

    /**
     * The rate at time t, per day, straight from its definition: what the pieces follow, and
     * what {@code ArrivalsTest} integrates to check them. Arrivals use the pieces; this serves
     * the seeding of the assessment pipeline (the rate just before time 0) and the tests.
     */
    double ratePerDay(double t) {
        double month = (t - window.start()) / window.monthDays();
        double r = spec.ratePerMonth() / window.monthDays();
        r *= spec.seasonalityMultipliers()[Math.floorMod((int) Math.floor(month), 12)];
        if (month > 0) {
            r *= Math.pow(1 + spec.trendPctPerYear() / 100, month / 12);
            for (Scenario.Arrivals.Step s : spec.steps()) if (month >= s.fromMonth()) r *= s.multiplier();
        }
        return r;
    }

    /**
     * The first arrival after {@code t} when the rate's integral from {@code t} must reach
     * {@code e} (an exponential draw), or infinity if the window ends first. Calls must come
     * with {@code t} not decreasing.
     */
    double next(double t, double e) {
        while (piece < left.length) {
            double end = piece + 1 < left.length ? left[piece + 1] : window.end();
            if (t < end) {
                double a = growth[piece];
                double r = a == 0 ? rate[piece] : rate[piece] * Math.exp(a * (t - left[piece]));
                double span = end - t;
                double mass = a == 0 ? r * span : r * Math.expm1(a * span) / a;
                if (e < mass) {
                    double at = t + (a == 0 ? e / r : Math.log1p(a * e / r) / a);
                    return Math.min(at, Math.nextDown(end));
                }
                e -= mass;
                t = end;
            }
            piece++;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** How many pieces the rate is cut into. */
    int pieceCount() {
        return left.length;
    }

    /**
     * The pieces as {start, rate at start, growth}, from time 0 to the window's end: cut at
     * every month boundary and step point, then joined where a boundary changes nothing (same
     * constant rate on both sides), so that a constant rate is one piece and its arrivals are
     * t + e / rate exactly.
     */
    private List<double[]> pieces() {
        double md = window.monthDays();
        double months = window.months();
        // Reporting-month coordinates: x = (t - start) / monthDays; time 0 is x0 <= 0.
        double x0 = -window.start() / md;
        TreeSet<Double> cuts = new TreeSet<>();
        for (long m = (long) Math.floor(x0) + 1; m < months; m++) cuts.add((double) m);
        for (Scenario.Arrivals.Step s : spec.steps()) if (s.fromMonth() > 0 && s.fromMonth() < months) cuts.add(s.fromMonth());
        List<Double> starts = new ArrayList<>();
        starts.add(x0);
        for (double c : cuts) if (c > x0) starts.add(c);
        double perDay = spec.ratePerMonth() / md;
        double trend = Math.log1p(spec.trendPctPerYear() / 100) / (12 * md);
        List<double[]> out = new ArrayList<>();
        for (double x : starts) {
            double r = perDay * spec.seasonalityMultipliers()[Math.floorMod((long) Math.floor(x), 12)];
            double a = 0;
            if (x >= 0) {
                // Within (x, next cut) the month is past 0: the trend and steps from x on apply.
                r *= Math.pow(1 + spec.trendPctPerYear() / 100, x / 12);
                for (Scenario.Arrivals.Step s : spec.steps()) if (s.fromMonth() <= x) r *= s.multiplier();
                a = trend;
            }
            double t = x == x0 ? 0 : window.start() + x * md;
            double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && a == 0 && last[2] == 0 && last[1] == r) continue;
            out.add(new double[] {t, r, a});
        }
        return out;
    }
}
