package org.caseload.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.caseload.results.Metric;
import org.caseload.scenario.UncertainParameter;
import org.caseload.stats.ConfidenceInterval;

/**
 * One-way sensitivity (a tornado): each uncertain parameter at the 2.5th and the 97.5th
 * percentile of its distribution, the others at their scenario values, every point on the
 * same random numbers. The swing (high − low) and each end's change from the base are
 * paired differences with Student-t 95% CIs.
 */
public final class Tornado {
    private Tornado() {
    }

    /**
     * @param lowValue  the parameter's low value (2.5th percentile)
     * @param low       the metric at the low value minus the base, paired, with its CI
     * @param swing     the metric at high minus at low, paired, with its CI
     */
    public record Row(UncertainParameter parameter, Metric metric, double base, double lowValue, double highValue,
                      ConfidenceInterval low, ConfidenceInterval high, ConfidenceInterval swing) {
    }

    public static List<Row> run(Sensitivity.Setup s) {
        List<UncertainParameter> ps = s.parameters();
        double[] base = Variants.pointValues(ps);
        List<double[]> points = new ArrayList<>();
        points.add(base);
        for (int j = 0; j < ps.size(); j++) {
            for (double q : new double[] {Sensitivity.LOW_QUANTILE, Sensitivity.HIGH_QUANTILE}) {
                double[] v = base.clone();
                v[j] = ps.get(j).distribution().quantile(q);
                points.add(v);
            }
        }
        List<double[][]> data = Sensitivity.evaluate(s, points, "tornado point");
        List<Row> rows = new ArrayList<>();
        for (int m = 0; m < s.metrics().size(); m++) {
            double[] b = data.get(0)[m];
            List<Row> forMetric = new ArrayList<>();
            for (int j = 0; j < ps.size(); j++) {
                double[] lo = data.get(1 + 2 * j)[m];
                double[] hi = data.get(2 + 2 * j)[m];
                forMetric.add(new Row(ps.get(j), s.metrics().get(m), Stats.mean(b), points.get(1 + 2 * j)[j],
                        points.get(2 + 2 * j)[j], diff(b, lo), diff(b, hi), diff(lo, hi)));
            }
            forMetric.sort(Comparator.comparingDouble((Row r) -> Double.isNaN(r.swing().mean()) ? -1 : -Math.abs(r.swing().mean())));
            rows.addAll(forMetric);
        }
        return rows;
    }

    private static ConfidenceInterval diff(double[] from, double[] to) {
        return Stats.paired(from, to, 0.95).difference();
    }
}
