package org.caseload.stats;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Metric;

/**
 * Paired comparisons of each alternative with the baseline on every metric, with Holm's
 * correction across all (alternative, metric) pairs, and a verdict per row. A metric that
 * one of the two scenarios does not report (e.g. a per-FTE caseload of a pathway that has
 * places, not staff, in one of them) is not compared.
 */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    /**
     * One row of {@code comparison.csv}.
     *
     * @param note why the verdict is {@code undefined}, or which replications were left out; empty otherwise
     */
    public record Row(Metric metric, String baseline, String scenario, PairedComparison comparison, double pAdjusted,
                      Verdict verdict, String note) {
    }

    /** The rows of a comparison summarised as it ran (the first scenario is the baseline). */
    public static List<Row> build(BatchSummary batch, List<Metric> metrics, double alpha, double level) {
        ScenarioSummary baseline = batch.scenarios().get(0);
        List<Metric> ms = new ArrayList<>();
        List<ScenarioSummary> alts = new ArrayList<>();
        List<PairedComparison> cs = new ArrayList<>();
        for (int a = 1; a < batch.scenarios().size(); a++) {
            ScenarioSummary alt = batch.scenarios().get(a);
            if (alt.replications() != baseline.replications()) {
                throw new IllegalArgumentException("paired comparison needs the same number of replications");
            }
            for (Metric m : metrics) {
                if (!baseline.reports(m.name()) || !alt.reports(m.name())) continue;
                ms.add(m);
                alts.add(alt);
                cs.add(batch.paired(a, m.name(), level));
            }
        }
        double[] p = cs.stream().mapToDouble(PairedComparison::pValue).toArray();
        double[] adjusted = MultipleComparisons.holm(p);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            PairedComparison c = cs.get(i);
            Verdict v = Verdict.of(c.difference().mean(), adjusted[i], alpha, ms.get(i).direction());
            String note = note(ms.get(i).name(), baseline, alts.get(i), c);
            rows.add(new Row(ms.get(i), baseline.scenario(), alts.get(i).scenario(), c, adjusted[i], v, note));
        }
        return rows;
    }

    /**
     * Why a comparison is undefined or uses fewer replications than were run, saying which
     * scenario(s) the left-out replications were undefined in, e.g. "3 of 10 replications left
     * out: undefined in medway only in 2, in both in 1 (no stays ended in the period)".
     */
    static String note(String metric, ScenarioSummary baseline, ScenarioSummary alt, PairedComparison c) {
        int total = baseline.replications();
        int pairs = c.difference().n();
        if (pairs == total && pairs >= 2) return "";
        if (pairs == 1 && total == 1) return "one replication: no interval or test";
        int baseUndefined = baseline.undefined(metric);
        int altUndefined = alt.undefined(metric);
        String reason = Undefined.reason(metric);
        String where = where(total - pairs, baseUndefined, altUndefined, baseline.scenario(), alt.scenario());
        if (pairs == 1) return "one replication defined in both: no interval or test; undefined " + where + " (" + reason + ")";
        if (pairs == 0) {
            String which = baseUndefined == total && altUndefined == total ? "in both scenarios"
                    : altUndefined == total ? "in " + alt.scenario()
                    : baseUndefined == total ? "in " + baseline.scenario() : where;
            return "undefined " + which + ": " + reason;
        }
        return (total - pairs) + " of " + total + " replications left out: undefined " + where + " (" + reason + ")";
    }

    /**
     * Which scenario(s) the {@code leftOut} replications (a metric undefined in the baseline, the
     * alternative or both) were undefined in, from each scenario's count of undefined replications:
     * those in both are the overlap, {@code base + alt - leftOut}.
     */
    private static String where(int leftOut, int base, int alt, String baseline, String alternative) {
        int both = base + alt - leftOut;
        int baseOnly = base - both;
        int altOnly = alt - both;
        if (both < 0 || baseOnly < 0 || altOnly < 0) return "in one scenario or both";
        List<String> parts = new ArrayList<>();
        if (baseOnly > 0) parts.add("in " + baseline + (both + altOnly > 0 ? " only in " + baseOnly : ""));
        if (altOnly > 0) parts.add("in " + alternative + (both + baseOnly > 0 ? " only in " + altOnly : ""));
        if (both > 0) parts.add(baseOnly + altOnly > 0 ? "in both in " + both : "in both scenarios");
        return parts.isEmpty() ? "in neither scenario" : String.join(", ", parts);
    }
}
