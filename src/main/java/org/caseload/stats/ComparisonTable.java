package org.caseload.stats;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Metric;
import org.caseload.results.ScenarioResult;

/**
 * Paired comparisons of each alternative with the baseline on every metric, with Holm's
 * correction across all (alternative, metric) pairs, and a verdict per row.
 */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    /** One row of {@code comparison.csv}. */
    public record Row(Metric metric, String baseline, String scenario, PairedComparison comparison, double pAdjusted,
                      Verdict verdict) {
    }

    public static List<Row> build(ScenarioResult baseline, List<ScenarioResult> alternatives, List<Metric> metrics,
                                  double alpha, double level) {
        List<Metric> ms = new ArrayList<>();
        List<ScenarioResult> alts = new ArrayList<>();
        List<PairedComparison> cs = new ArrayList<>();
        for (ScenarioResult alt : alternatives) {
            if (alt.replications().size() != baseline.replications().size()) {
                throw new IllegalArgumentException("paired comparison needs the same number of replications");
            }
            for (Metric m : metrics) {
                ms.add(m);
                alts.add(alt);
                cs.add(PairedComparison.paired(baseline.values(m.name()), alt.values(m.name()), level));
            }
        }
        double[] p = cs.stream().mapToDouble(PairedComparison::pValue).toArray();
        double[] adjusted = MultipleComparisons.holm(p);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            PairedComparison c = cs.get(i);
            Verdict v = Verdict.of(c.difference().mean(), adjusted[i], alpha, ms.get(i).direction());
            rows.add(new Row(ms.get(i), baseline.scenario(), alts.get(i).scenario(), c, adjusted[i], v));
        }
        return rows;
    }
}
