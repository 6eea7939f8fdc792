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
        if (from >= sameMonthFrom && from < sameMonthBefore && to <= sameMonthEnd) {
            monthly[sameMonth] += value * (to - from); // what the loop below does for a span inside one month
            return;
        }
        int m = Math.min(window.months() - 1, Math.max(0, window.month(from)));
        remember(m, from);
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

    /*
     * Most changes fall in the month of the one before, so the month found for a time is kept
     * with the span of times that surely have it: from that time (the month of a later time is
     * never earlier) to a millionth of a day before the month's end (closer, the division of a
     * time in days of up to ~10^5 could round up into the next month). A span inside it then adds to that month alone, exactly as the
     * loop would; anything else takes the loop.
     */
    private static final double MARGIN_DAYS = 1e-6;
    private int sameMonth;
    private double sameMonthFrom = Double.POSITIVE_INFINITY;
    private double sameMonthBefore;
    private double sameMonthEnd;

    /** Keeps month {@code m}, the month of {@code from}, for the times after it that share it. */
    private void remember(int m, double from) {
        if (m == window.months() - 1) { // the last month takes everything after it too
            sameMonth = m;
            sameMonthFrom = from;
            sameMonthBefore = Double.POSITIVE_INFINITY;
            sameMonthEnd = Double.POSITIVE_INFINITY;
            return;
        }
        double end = window.start() + (m + 1) * window.monthDays();
        if (!(end > from)) return; // the loop moves on to a later month: nothing kept
        sameMonth = m;
        sameMonthFrom = from;
        sameMonthBefore = end - MARGIN_DAYS;
        sameMonthEnd = end;
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
