package org.caseload.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.ScenarioSummary;
import org.caseload.stats.Undefined;

/**
 * The cost-line table: what each line of spend bought (FTE by pathway, places, assessors, the
 * medication unit cost, overheads) and what a budget change did to it, per scenario. In a
 * comparison each alternative is set against the baseline, with each line's share of the
 * change in total spend, so a reader sees how a cut was split and can check it adds up.
 */
public final class CostLineTable {
    /** One row: the cost line it belongs to, what is measured, and the metric behind it. */
    private record Line(String line, String measure, String metric) {
    }

    private CostLineTable() {
    }

    /** The lines in report order for metrics present in {@code names}: the units of each line, then its spend. */
    private static List<Line> lines(List<String> names) {
        List<Line> out = new ArrayList<>();
        for (String n : names) if (n.startsWith(Metrics.FTE_PREFIX)) out.add(new Line("staff", "FTE, " + n.substring(Metrics.FTE_PREFIX.length()), n));
        out.add(new Line("staff", "spend", Metrics.COST_STAFF_PER_YEAR));
        for (String n : names) if (n.startsWith(Metrics.PLACES_PREFIX)) out.add(new Line("places", "places, " + n.substring(Metrics.PLACES_PREFIX.length()), n));
        out.add(new Line("places", "spend", Metrics.COST_PLACES_PER_YEAR));
        out.add(new Line("medication", "unit-cost index", Metrics.MEDICATION_UNIT_COST_INDEX));
        out.add(new Line("medication", "spend", Metrics.COST_MEDICATION_PER_YEAR));
        out.add(new Line("assessment", "assessors", Metrics.ASSESSORS_MEAN));
        out.add(new Line("assessment", "spend", Metrics.COST_ASSESSMENT_PER_YEAR));
        out.add(new Line("overheads", "spend", Metrics.COST_OVERHEADS_PER_YEAR));
        out.add(new Line("total", "spend", Metrics.SPEND_PER_YEAR));
        return out.stream().filter(l -> names.contains(l.metric())).toList();
    }

    /** For a comparison: per alternative, each line's baseline and alternative means, change and share of the spend change. */
    static void compare(HtmlReport h, List<ComparisonTable.Row> rows, List<Scenario> scenarios) {
        Map<String, Map<String, ComparisonTable.Row>> byScenario = new LinkedHashMap<>();
        for (ComparisonTable.Row r : rows) byScenario.computeIfAbsent(r.scenario(), k -> new LinkedHashMap<>()).put(r.metric().name(), r);
        List<List<String>> table = new ArrayList<>();
        for (Map.Entry<String, Map<String, ComparisonTable.Row>> e : byScenario.entrySet()) {
            Map<String, ComparisonTable.Row> m = e.getValue();
            ComparisonTable.Row total = m.get(Metrics.SPEND_PER_YEAR);
            double spendChange = total == null ? Double.NaN : total.comparison().difference().mean();
            for (Line l : lines(List.copyOf(m.keySet()))) {
                ComparisonTable.Row r = m.get(l.metric());
                double base = r.comparison().baselineMean();
                double diff = r.comparison().difference().mean();
                boolean spend = l.measure().equals("spend");
                String pct = percent(diff, base);
                String share = spend && sharesMeaningful(spendChange, total) ? minus(100 * diff / spendChange) + "%" : "";
                table.add(List.of(e.getKey(), l.line(), l.measure(), r.metric().unit(), Reports.round(base),
                        Reports.round(r.comparison().alternativeMean()), signed(diff), pct, share));
            }
        }
        if (table.isEmpty()) return;
        h.heading("What the change in spend did to each cost line");
        h.paragraph("Means over the reporting window (time averages of staff, places and assessors; spend a year), "
                + "alternative against baseline on the same random numbers. 'Share' is each line's part of the change in "
                + "total spend; the five spend lines add up to the total. " + rules(scenarios));
        h.table(List.of("scenario", "cost line", "measure", "unit", "baseline", "scenario mean", "change", "change %",
                "share of the spend change"), table);
    }

    /**
     * One line per alternative for the command line: how the change in spend split across the
     * lines, e.g. "How the change in spend fell on each cost line (leeds-cut-25 against leeds,
     * means over the reporting window): spend −N%: staff −27% (31% of the change), ...;
     * keyworker FTE a → b (...). Table in report.html." Empty when there is no change in spend to split.
     */
    public static List<String> sentences(List<ComparisonTable.Row> rows) {
        Map<String, Map<String, ComparisonTable.Row>> byScenario = new LinkedHashMap<>();
        for (ComparisonTable.Row r : rows) byScenario.computeIfAbsent(r.scenario(), k -> new LinkedHashMap<>()).put(r.metric().name(), r);
        List<String> out = new ArrayList<>();
        String[][] named = {{Metrics.COST_STAFF_PER_YEAR, "staff"}, {Metrics.COST_PLACES_PER_YEAR, "places"},
                {Metrics.COST_MEDICATION_PER_YEAR, "medication"}, {Metrics.COST_ASSESSMENT_PER_YEAR, "assessment"},
                {Metrics.COST_OVERHEADS_PER_YEAR, "overheads"}};
        for (Map.Entry<String, Map<String, ComparisonTable.Row>> e : byScenario.entrySet()) {
            Map<String, ComparisonTable.Row> m = e.getValue();
            ComparisonTable.Row total = m.get(Metrics.SPEND_PER_YEAR);
            if (total == null || !sharesMeaningful(total.comparison().difference().mean(), total)) continue;
            double spendChange = total.comparison().difference().mean();
            List<String> parts = new ArrayList<>();
            for (String[] n : named) {
                ComparisonTable.Row r = m.get(n[0]);
                if (r == null || r.comparison().baselineMean() == 0) continue;
                double diff = r.comparison().difference().mean();
                parts.add(n[1] + " " + percent(diff, r.comparison().baselineMean()) + " (" + minus(100 * diff / spendChange)
                        + "% of the change)");
            }
            ComparisonTable.Row kw = m.get(Metrics.KEYWORKER_FTE_MEAN);
            String fte = kw == null ? "" : "; keyworker FTE " + Reports.round(kw.comparison().baselineMean()) + " → "
                    + Reports.round(kw.comparison().alternativeMean()) + " (" + percent(kw.comparison().difference().mean(),
                    kw.comparison().baselineMean()) + ")";
            out.add("How the change in spend fell on each cost line (" + e.getKey() + " against " + total.baseline()
                    + ", means over the reporting window): spend " + percent(spendChange, total.comparison().baselineMean())
                    + ": " + String.join(", ", parts) + fte + ". Table in report.html.");
        }
        return out;
    }

    /** A change as % of its baseline, or empty where that would mislead (baseline near 0, beyond ±1,000%). */
    private static String percent(double diff, double base) {
        if (!(Math.abs(base) > 1e-9)) return "";
        double pct = 100 * diff / Math.abs(base);
        return Math.abs(pct) <= 1000 ? signed(pct) + "%" : "";
    }

    /** Lines' shares of a change in spend are shown only for a change of at least 0.1% of the baseline's spend. */
    private static boolean sharesMeaningful(double spendChange, ComparisonTable.Row total) {
        return total != null && Math.abs(spendChange) >= 0.001 * Math.abs(total.comparison().baselineMean());
    }

    /** For a run: each scenario's lines, with each spend line's share of the total. */
    static void run(HtmlReport h, List<ScenarioSummary> results, List<Scenario> scenarios) {
        List<List<String>> table = new ArrayList<>();
        for (ScenarioSummary r : results) {
            List<String> names = r.metricNames();
            if (!names.contains(Metrics.SPEND_PER_YEAR)) continue;
            double total = mean(r, Metrics.SPEND_PER_YEAR);
            for (Line l : lines(names)) {
                ConfidenceInterval ci = r.interval(l.metric(), RunFiles.LEVEL);
                boolean spend = l.measure().equals("spend");
                String share = spend && total > 0 ? Reports.round(100 * ci.mean() / total) + "%" : "";
                table.add(List.of(r.scenario(), l.line(), l.measure(), Reports.round(ci.mean()), Reports.interval(ci), share));
            }
        }
        if (table.isEmpty()) return;
        h.heading("Cost lines");
        h.paragraph("What the money bought over the reporting window: funded FTE by pathway, places and assessors (time "
                + "averages), the medication unit cost (100 = the scenario's costs) and each line's spend a year with its "
                + "share of the total. " + rules(scenarios));
        h.table(List.of("scenario", "cost line", "measure", "mean", "95% CI", "share of spend"), table);
    }

    private static double mean(ScenarioSummary r, String metric) {
        return r.interval(metric, RunFiles.LEVEL).mean();
    }

    /** One sentence per scenario with budget changes: the rule that shared them out. */
    static String rules(List<Scenario> scenarios) {
        List<String> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (s.budget().changes().isEmpty() && Double.isNaN(s.budget().annualGbp())) continue;
            out.add(s.name() + ": " + rule(s.budget()) + ".");
        }
        return String.join(" ", out);
    }

    /** The allocation rule in words, with its parameters. */
    static String rule(Scenario.Budget b) {
        return switch (b.rule()) {
            case SHARED -> "rule shared (each line takes a part of a change in proportion to its cost × its weight; "
                    + "weights staff/places/assessment/medication unit cost/overheads " + weights(b.shortTerm())
                    + " for " + Reports.round(b.retenderAfterMonths()) + " months, then " + weights(b.afterRetender())
                    + " after re-tendering)";
            case PROPORTIONAL -> "rule proportional (overheads and medication paid first; staff, places and assessors "
                    + "scale with what is left)";
            case PROTECT -> "rule protect (as proportional, but " + String.join(", ", b.protect().stream().sorted().toList())
                    + " keep their money while it lasts)";
        };
    }

    private static String weights(Scenario.LineWeights w) {
        return Reports.round(w.staff()) + "/" + Reports.round(w.places()) + "/" + Reports.round(w.assessment()) + "/"
                + Reports.round(w.medicationUnitCost()) + "/" + Reports.round(w.overheads());
    }

    /** A share, written with the minus sign where it is negative (a line that moved against the change). */
    private static String minus(double v) {
        String digits = signed(v);
        return digits.startsWith("+") ? digits.substring(1) : digits;
    }

    /** Signed like the summary card: "+" or the minus sign (U+2212), never a hyphen. */
    private static String signed(double v) {
        String digits = Reports.round(Math.abs(v));
        if (digits.equals("0") || digits.equals(Undefined.DASH)) return digits;
        return (v > 0 ? "+" : v < 0 ? "\u2212" : "") + digits;
    }
}
