package org.caseload.model;

/** Picking one of several options by their shares with a single uniform (inversion). */
final class Shares {
    private Shares() {
    }

    /** The index whose cumulative share first exceeds {@code u}; the last positive share if none does (rounding). */
    static int pick(double[] shares, double u) {
        double acc = 0;
        for (int i = 0; i < shares.length; i++) {
            acc += shares[i];
            if (u < acc) return i;
        }
        for (int i = shares.length - 1; i >= 0; i--) if (shares[i] > 0) return i;
        return shares.length - 1;
    }

    static double sum(double[] xs) {
        double t = 0;
        for (double x : xs) t += x;
        return t;
    }
}
