package org.caseload.stats;

/**
 * Sequential choice of the number of replications for a target relative precision: the
 * confidence-interval half-width must be within {@code relative} × |mean|.
 */
public final class ReplicationCount {
    private ReplicationCount() {
    }

    public static boolean precise(double[] values, double relative, double level) {
        return precise(ConfidenceInterval.student(values, level), relative);
    }

    /** As {@link #precise(double[], double, double)}, from the interval (e.g. a running one). */
    public static boolean precise(ConfidenceInterval ci, double relative) {
        // Undefined in every replication: more replications cannot make it more precise.
        if (ci.n() == 0) return true;
        if (ci.n() < 2 || Double.isNaN(ci.halfWidth())) return false;
        return ci.halfWidth() <= relative * Math.abs(ci.mean());
    }

    /** Replications the current spread suggests are needed (at least the current count). */
    public static int estimateNeeded(double[] values, double relative, double level) {
        return estimateNeeded(ConfidenceInterval.student(values, level), relative);
    }

    /** As {@link #estimateNeeded(double[], double, double)}, from the interval. */
    public static int estimateNeeded(ConfidenceInterval ci, double relative) {
        if (ci.n() < 2) return 2;
        double target = relative * Math.abs(ci.mean());
        if (target <= 0) return ci.halfWidth() == 0 ? ci.n() : Integer.MAX_VALUE;
        double ratio = ci.halfWidth() / target;
        return (int) Math.max(ci.n(), Math.ceil(ci.n() * ratio * ratio));
    }
}
