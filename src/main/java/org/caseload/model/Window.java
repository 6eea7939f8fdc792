package org.caseload.model;

/**
 * The reporting window [start, end) in simulation days, cut into months of 365.25/12 days.
 * Everything before {@code start} is warm-up and is not recorded.
 */
record Window(double start, double end, double monthDays, int months) {
    boolean contains(double t) {
        return t >= start && t < end;
    }

    /** Reporting month of time t (may be out of range). */
    int month(double t) {
        return (int) Math.floor((t - start) / monthDays);
    }

    double years() {
        return (end - start) / 365.25;
    }
}
