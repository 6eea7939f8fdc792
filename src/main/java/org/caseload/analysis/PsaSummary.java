package org.caseload.analysis;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Direction;
import org.caseload.results.Metric;

/**
 * What a PSA says per scenario and metric (the mean with its CI, a 95% uncertainty interval
 * and the variance split) and per alternative (the same for the difference from the
 * baseline, and the probability that the alternative is better).
 */
public final class PsaSummary {
    public static final double LEVEL = 0.95;

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
     */
    public record Row(String scenario, Metric metric, double mean, double ciLow, double ciHigh, double uiLow, double uiHigh,
                      VarianceSplit split, double probBetter, double probWorse) {
    }

    public static List<Row> scenarioRows(Psa psa) {
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < psa.scenarios().size(); s++) {
            for (int m = 0; m < psa.metrics().size(); m++) {
                rows.add(row(psa.scenarios().get(s), psa.metrics().get(m), psa.outputs(s, m), false));
            }
        }
        return rows;
    }

    public static List<Row> differenceRows(Psa psa) {
        List<Row> rows = new ArrayList<>();
        for (int s = 1; s < psa.scenarios().size(); s++) {
            for (int m = 0; m < psa.metrics().size(); m++) {
                rows.add(row(psa.scenarios().get(s), psa.metrics().get(m), psa.differences(s, m), true));
            }
        }
        return rows;
    }

    static Row row(String scenario, Metric metric, double[][] y, boolean difference) {
        double[] means = Stats.finite(Psa.sampleMeans(y));
        double mean = Stats.mean(means);
        double hw = means.length < 2 ? Double.NaN : Stats.t(means.length, 0.5 + LEVEL / 2) * Stats.se(means);
        double better = Double.NaN;
        double worse = Double.NaN;
        if (difference && means.length > 0) {
            int up = 0;
            int down = 0;
            for (double d : means) {
                if (d > 0) up++;
                if (d < 0) down++;
            }
            boolean lowerBetter = metric.direction() == Direction.LOWER_IS_BETTER;
            better = 100.0 * (lowerBetter ? down : up) / means.length;
            worse = 100.0 * (lowerBetter ? up : down) / means.length;
        }
        return new Row(scenario, metric, mean, mean - hw, mean + hw, Stats.quantile(means, (1 - LEVEL) / 2),
                Stats.quantile(means, (1 + LEVEL) / 2), VarianceSplit.estimate(y), better, worse);
    }
}
