package org.caseload.model;

/**
 * A piecewise-constant quantity (people in a pathway, FTE, people waiting) integrated over
 * time inside the reporting window, in total and per month. Call {@link #set} on every
 * change; time must not go backwards.
 */
final class Level {
    private final Window window;
    private final double[] monthly;
    private double value;
    private double lastTime;
    private double total;

    Level(Window window) {
        this.window = window;
        this.monthly = new double[window.months()];
    }

    double value() {
        return value;
    }

    void set(double t, double newValue) {
        advance(t);
        value = newValue;
    }

    void add(double t, double delta) {
        set(t, value + delta);
    }

    /** Integrates the current value from the last change up to t. */
    void advance(double t) {
        if (t <= lastTime) return; // nothing to integrate, and the last time stays
        double from = Math.max(lastTime, window.start());
        double to = Math.min(t, window.end());
        lastTime = Math.max(lastTime, t);
        if (to <= from || value == 0) return;
        total += value * (to - from);
        int m = Math.min(window.months() - 1, Math.max(0, window.month(from)));
        while (from < to) {
            double monthEnd = window.start() + (m + 1) * window.monthDays();
            if (monthEnd <= from && m < window.months() - 1) {
                m++;
                continue;
            }
            double segEnd = m == window.months() - 1 ? to : Math.min(to, monthEnd);
            monthly[m] += value * (segEnd - from);
            from = segEnd;
            m++;
        }
    }

    /** Time integral over the window (value × days); call {@link #advance} to the end first. */
    double integral() {
        return total;
    }

    double mean() {
        return total / (window.end() - window.start());
    }

    double[] monthlyIntegrals() {
        return monthly.clone();
    }

    double[] monthlyMeans() {
        double[] m = monthly.clone();
        for (int i = 0; i < m.length; i++) m[i] /= window.monthDays();
        return m;
    }
}
