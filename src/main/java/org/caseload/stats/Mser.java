package org.caseload.stats;

/**
 * MSER-k truncation (White, 1997; MSER-5 with k = 5): batch the output series into means of
 * k observations, then choose the number of leading batches d to delete that minimises
 * MSER(d) = Σ_{j>d} (Z_j − mean(Z_{d+1..m}))² / (m − d)², searching d over the first half
 * of the batches only (the statistic is unreliable when few batches remain).
 */
public final class Mser {
    private Mser() {
    }

    /** @return the number of original observations to delete (a multiple of {@code batchSize}) */
    public static int truncationPoint(double[] series, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
        int m = series.length / batchSize;
        if (m < 2) return 0;
        double[] z = new double[m];
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i < batchSize; i++) s += series[j * batchSize + i];
            z[j] = s / batchSize;
        }
        // Suffix sums make every candidate d O(1).
        double[] sum = new double[m + 1];
        double[] sumSq = new double[m + 1];
        for (int j = m - 1; j >= 0; j--) {
            sum[j] = sum[j + 1] + z[j];
            sumSq[j] = sumSq[j + 1] + z[j] * z[j];
        }
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int d = 0; d <= m / 2; d++) {
            int n = m - d;
            double mean = sum[d] / n;
            double ss = Math.max(0, sumSq[d] - n * mean * mean);
            double value = ss / ((double) n * n);
            if (value < bestValue) {
                bestValue = value;
                best = d;
            }
        }
        return best * batchSize;
    }
}
