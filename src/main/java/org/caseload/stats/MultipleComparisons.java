package org.caseload.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Corrections for testing many metrics and alternatives at once, so that "better" and
 * "worse" verdicts keep their family-wise error rate.
 */
public final class MultipleComparisons {
    private MultipleComparisons() {
    }

    /** Holm's step-down adjusted p-values (monotone, capped at 1); NaN stays NaN and is not counted. */
    public static double[] holm(double[] p) {
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        int m = order.length;
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int k = 0; k < m; k++) {
            double a = Math.min(1.0, (m - k) * p[order[k]]);
            running = Math.max(running, a);
            adjusted[order[k]] = running;
        }
        return adjusted;
    }

    /** Bonferroni adjusted p-values (capped at 1). */
    public static double[] bonferroni(double[] p) {
        long m = Arrays.stream(p).filter(x -> !Double.isNaN(x)).count();
        return Arrays.stream(p).map(x -> Double.isNaN(x) ? x : Math.min(1.0, x * m)).toArray();
    }
}
