package org.caseload.model;

import org.caseload.scenario.Scenario;

/**
 * The reporting periods behind the yearly metrics ("seen a year", people referred a year, the
 * national completion indicator): whole years of the reporting window, or the window itself
 * when it is shorter than a year. A part of a year at the end of the window belongs to no period.
 */
final class ReportingYears {
    private final Window window;
    private final double[] starts;
    private final double length;

    ReportingYears(Scenario scenario, Window window) {
        this.window = window;
        int years = scenario.horizonMonths() / 12;
        if (years >= 1) {
            length = Scenario.DAYS_PER_YEAR;
            starts = new double[years];
            for (int y = 0; y < years; y++) starts[y] = window.start() + y * length;
        } else {
            length = scenario.horizonDays();
            starts = new double[] {window.start()};
        }
    }

    /** How many periods there are (at least one). */
    int count() {
        return starts.length;
    }

    double start(int period) {
        return starts[period];
    }

    double length() {
        return length;
    }

    double[] starts() {
        return starts.clone();
    }

    /** The period holding time {@code t}, or -1 outside every period. */
    int of(double t) {
        if (!window.contains(t)) return -1;
        int p = (int) Math.floor((t - window.start()) / length);
        return p < starts.length ? p : -1;
    }
}
