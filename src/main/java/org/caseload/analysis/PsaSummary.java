package org.caseload.analysis;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Direction;
import org.caseload.results.Metric;

/**
 * What a PSA says per scenario and metric (the mean with its CI, a 95% uncertainty interval
 * and the variance split) and per alternative (the same for the difference from the
 * baseline, and the probability that the alternative is better).
 *
 * <p>A parameter set whose mean paired difference is within {@link #TIE_TOLERANCE} of the
 * magnitudes compared (the larger of the two scenarios' mean absolute values in that set) is
 * a tie, counted apart from better and worse: summing replications leaves a difference of
 * about 1e-15 where the two means are equal, which is rounding, not a direction.
 */
public final class PsaSummary {
    public static final double LEVEL = 0.95;
    /** Relative tolerance within which a set's mean difference counts as a tie (rounding in the sums is ~1e-15). */
    public static final double TIE_TOLERANCE = org.caseload.stats.PairedComparison.CONSTANT;
    /** Absolute floor of the scale the tolerance is taken of, so that two all-zero sets tie. */
    static final double TIE_FLOOR = Double.MIN_NORMAL;

    private PsaSummary() {
    }

    /**
     * @param scenario   the scenario, or for a difference the alternative
     * @param mean       mean over parameter samples of the sample means
     * @param ciLow      95% CI of that mean (Student-t over the K sample means)
     * @param uiLow      2.5th percentile of the sample means: the 95% uncertainty interval
     * @param split      parameter uncertainty against simulation noise
     * @param probBetter percentage (0-100) of samples in which the alternative's mean is better than the
     *                   baseline's (for a metric without a direction: higher); NaN for a scenario row
     * @param probWorse  percentage (0-100) of samples in which it is worse (without a direction: lower); NaN likewise
     * @param probTied   percentage (0-100) of samples in which the two means are equal (within {@link #TIE_TOLERANCE}); NaN likewise
     */
    public record Row(String scenario, Metric metric, double mean, double ciLow, double ciHigh, double uiLow, double uiHigh,
                      VarianceSplit split, double probBetter, double probWorse, double probTied) {
    }

    public static List<Row> scenarioRows(Psa psa) {
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < psa.scenarios().size(); s++) {
            for (int m = 0; m < psa.metrics().size(); m++) {
                rows.add(row(psa.scenarios().get(s), psa.metrics().get(m), psa.outputs(s, m)));
            }
        }
        return rows;
    }

    public static List<Row> differenceRows(Psa psa) {
        List<Row> rows = new ArrayList<>();
        for (int s = 1; s < psa.scenarios().size(); s++) {
            for (int m = 0; m < psa.metrics().size(); m++) {
                rows.add(differenceRow(psa.scenarios().get(s), psa.metrics().get(m), psa.outputs(s, m), psa.outputs(0, m)));
            }
        }
        return rows;
    }

    static Row row(String scenario, Metric metric, double[][] y) {
        return summary(scenario, metric, y, VarianceSplit.largest(y), Double.NaN, Double.NaN, Double.NaN);
    }

    /** The row of {@code alt − base}, paired per replication ({@code [sample][replication]} both). */
    static Row differenceRow(String scenario, Metric metric, double[][] alt, double[][] base) {
        double[][] d = new double[alt.length][];
        for (int k = 0; k < d.length; k++) d[k] = Stats.minus(alt[k], base[k]);
        double[] means = Psa.sampleMeans(d);
        int up = 0;
        int down = 0;
        int tied = 0;
        int defined = 0;
        for (int k = 0; k < means.length; k++) {
            if (Double.isNaN(means[k])) continue;
            defined++;
            double scale = Math.max(TIE_FLOOR, Math.max(meanAbs(alt[k], base[k]), meanAbs(base[k], alt[k])));
            if (Math.abs(means[k]) <= TIE_TOLERANCE * scale) tied++;
            else if (means[k] > 0) up++;
            else down++;
        }
        double scale = VarianceSplit.largest(alt, base);
        if (defined == 0) return summary(scenario, metric, d, scale, Double.NaN, Double.NaN, Double.NaN);
        boolean lowerBetter = metric.direction() == Direction.LOWER_IS_BETTER;
        return summary(scenario, metric, d, scale, 100.0 * (lowerBetter ? down : up) / defined,
                100.0 * (lowerBetter ? up : down) / defined, 100.0 * tied / defined);
    }

    /** Mean of |x| over the replications where both x and its pair are defined. */
    private static double meanAbs(double[] x, double[] pair) {
        double s = 0;
        int n = 0;
        for (int r = 0; r < x.length; r++) {
            if (Double.isNaN(x[r]) || Double.isNaN(pair[r])) continue;
            s += Math.abs(x[r]);
            n++;
        }
        return n == 0 ? 0 : s / n;
    }

    /** {@code scale}: what tells a constant {@code y} from rounding ({@link VarianceSplit#estimate(double[][], double)}). */
    private static Row summary(String scenario, Metric metric, double[][] y, double scale, double better, double worse, double tied) {
        double[] means = Stats.finite(Psa.sampleMeans(y));
        double mean = Stats.mean(means);
        double hw = means.length < 2 ? Double.NaN : Stats.t(means.length, 0.5 + LEVEL / 2) * Stats.se(means);
        return new Row(scenario, metric, mean, mean - hw, mean + hw, Stats.quantile(means, (1 - LEVEL) / 2),
                Stats.quantile(means, (1 + LEVEL) / 2), VarianceSplit.estimate(y, scale), better, worse, tied);
    }
}
