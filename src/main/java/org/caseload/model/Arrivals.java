package org.caseload.model;

import java.util.ArrayList;
import java.util.List;
import org.caseload.scenario.Scenario;

/**
 * The time-varying referral rate of new clients: base rate × seasonality (by month of the
 * year) × trend (compounded from month 0) × step changes. During warm-up (negative
 * reporting months) only seasonality applies.
 */
final class Arrivals {
    private final Scenario.Arrivals spec;
    private final Window window;
    private final double maxRatePerDay;

    Arrivals(Scenario.Arrivals spec, Window window) {
        this.spec = spec;
        this.window = window;
        this.maxRatePerDay = computeMax();
    }

    double ratePerDay(double t) {
        double month = (t - window.start()) / window.monthDays();
        double rate = spec.ratePerMonth() / window.monthDays();
        rate *= spec.seasonalityMultipliers()[Math.floorMod((int) Math.floor(month), 12)];
        if (month > 0) {
            rate *= Math.pow(1 + spec.trendPctPerYear() / 100, month / 12);
            for (Scenario.Arrivals.Step s : spec.steps()) if (month >= s.fromMonth()) rate *= s.multiplier();
        }
        return rate;
    }

    double maxRatePerDay() {
        return maxRatePerDay;
    }

    /**
     * The rate is piecewise monotone between month boundaries and step points, so its
     * maximum over the run is at one of them (approached from either side).
     */
    private double computeMax() {
        List<Double> points = new ArrayList<>();
        int first = -(int) Math.ceil(window.start() / window.monthDays());
        for (int m = first; m <= window.months(); m++) points.add(window.start() + m * window.monthDays());
        for (Scenario.Arrivals.Step s : spec.steps()) points.add(window.start() + s.fromMonth() * window.monthDays());
        double max = 0;
        for (double p : points) {
            for (double t : new double[] {p - 1e-7, p, p + 1e-7}) {
                if (t < 0 || t > window.end()) continue;
                max = Math.max(max, ratePerDay(t));
            }
        }
        return max * (1 + 1e-9);
    }
}
