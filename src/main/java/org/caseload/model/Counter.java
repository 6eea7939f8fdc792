package org.caseload.model;

/** Counts (or sums) events inside the reporting window, in total and per month. */
final class Counter {
    private final Window window;
    private final double[] monthly;
    private double total;

    Counter(Window window) {
        this.window = window;
        this.monthly = new double[window.months()];
    }

    void count(double t) {
        add(t, 1.0);
    }

    /** Adds {@code amount} at time t if t falls in the window. */
    void add(double t, double amount) {
        if (!window.contains(t)) return;
        total += amount;
        int m = Math.min(window.months() - 1, window.month(t));
        monthly[m] += amount;
    }

    double total() {
        return total;
    }

    double perYear() {
        return total / window.years();
    }

    double[] monthly() {
        return monthly.clone();
    }
}
