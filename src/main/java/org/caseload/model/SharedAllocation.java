package org.caseload.model;

/**
 * The arithmetic of the shared allocation rule: a budget change is spread over cost lines in
 * proportion to each line's cost × its weight, so a line of weight 0 is fixed and, with
 * every weight 1, every line moves by the same percentage. Line costs never go below zero:
 * a line that would is set to zero and the rest of the cut is spread again over the others
 * of positive weight; if a cut is larger than all of them together, what remains comes
 * proportionally from every line still funded (a fixed line cannot outlast a budget that no
 * longer covers it). The new costs always add up to the old ones plus the change, so the
 * rule neither loses nor invents money.
 */
final class SharedAllocation {
    /** Below half a penny a change is no change: base costs summed in another order differ by rounding only. */
    static final double NO_CHANGE_GBP = 0.005;

    private SharedAllocation() {
    }

    /**
     * @param costs   each line's cost a year before the change (0 or more)
     * @param weights each line's weight (0 or more)
     * @param change  the change a year (negative for a cut); the sum of {@code costs} plus it must be 0 or more
     * @return each line's factor: its new cost is {@code costs[i] × factor[i]}
     */
    static double[] factors(double[] costs, double[] weights, double change) {
        int n = costs.length;
        double[] f = new double[n];
        java.util.Arrays.fill(f, 1.0);
        if (Math.abs(change) < NO_CHANGE_GBP) return f;
        boolean[] free = new boolean[n];
        for (int i = 0; i < n; i++) free[i] = costs[i] > 0 && weights[i] > 0;
        double remaining = change;
        // Each pass either settles every free line or removes at least one that hits zero.
        for (int pass = 0; pass <= n; pass++) {
            double weighted = 0;
            for (int i = 0; i < n; i++) if (free[i]) weighted += costs[i] * weights[i];
            if (weighted <= 0) break;
            double k = remaining / weighted;
            boolean clipped = false;
            for (int i = 0; i < n; i++) {
                if (free[i] && 1 + weights[i] * k < 0) {
                    f[i] = 0;
                    free[i] = false;
                    remaining += costs[i];
                    clipped = true;
                }
            }
            if (clipped) continue;
            for (int i = 0; i < n; i++) if (free[i]) f[i] = 1 + weights[i] * k;
            return f;
        }
        // Nothing of positive weight is left to move: the rest comes from every line still funded.
        double rest = 0;
        for (int i = 0; i < n; i++) if (f[i] > 0) rest += costs[i];
        if (rest <= 0) return f;
        double scale = Math.max(0, 1 + remaining / rest);
        for (int i = 0; i < n; i++) if (f[i] > 0) f[i] = scale;
        return f;
    }
}
