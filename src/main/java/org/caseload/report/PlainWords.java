package org.caseload.report;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Metrics;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.Undefined;
import org.caseload.stats.Verdict;

/**
 * The comparison in sentences a commissioner can read aloud: one line per alternative,
 * naming the change and the main differences with their 95% intervals.
 */
public final class PlainWords {
    private PlainWords() {
    }

    private record Phrase(String metric, String more, String fewer, String what, boolean money) {
    }

    private static final List<Phrase> PHRASES = List.of(
            new Phrase(Metrics.WAITED_OVER_21D_PER_YEAR, "more", "fewer", "people a year waiting over 3 weeks", false),
            new Phrase(Metrics.WAITING_LIST_MEAN, "more", "fewer", "people on the waiting list on an average day", false),
            new Phrase(Metrics.IN_TREATMENT_MEAN, "more", "fewer", "people in treatment on an average day", false),
            new Phrase(Metrics.COMPLETIONS_PER_YEAR, "more", "fewer", "successful completions a year", false),
            new Phrase(Metrics.DEATHS_PER_YEAR, "more", "fewer", "deaths a year", false),
            new Phrase(Metrics.CASELOAD_PER_WORKER_MEAN, "more", "fewer", "clients per keyworker", false),
            new Phrase(Metrics.KEYWORKER_FTE_MEAN, "more", "fewer", "keyworker FTE", false),
            new Phrase(Metrics.SPEND_PER_YEAR, "more", "less", "spent a year", true));

    /**
     * @param descriptions each alternative's description (falls back to its name)
     */
    public static List<String> summarise(List<ComparisonTable.Row> rows, List<String> alternatives, List<String> descriptions) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            String alt = alternatives.get(i);
            String label = descriptions.get(i).isBlank() ? alt : descriptions.get(i);
            List<String> parts = new ArrayList<>();
            for (Phrase p : PHRASES) {
                for (ComparisonTable.Row r : rows) {
                    if (r.scenario().equals(alt) && r.metric().name().equals(p.metric())) parts.add(sentence(p, r));
                }
            }
            out.add(label + ": " + String.join("; ", parts) + ".");
        }
        return out;
    }

    private static String sentence(Phrase p, ComparisonTable.Row r) {
        ConfidenceInterval d = r.comparison().difference();
        if (r.verdict() == Verdict.UNDEFINED && !Double.isFinite(d.mean())) {
            return p.what() + ": " + Undefined.DASH + " (" + r.note() + ")";
        }
        if (!Double.isFinite(d.low())) {
            String dir = d.mean() > 0 ? p.more() : p.fewer();
            return "about " + amount(Math.abs(d.mean()), p.money()) + " " + dir + " " + p.what() + " (" + r.note() + ")";
        }
        String ci = "(95% CI " + amount(d.low(), p.money()) + " to " + amount(d.high(), p.money()) + ")";
        if (r.verdict() == Verdict.NO_DETECTABLE_DIFFERENCE) {
            boolean excludesZero = d.low() > 0 || d.high() < 0;
            return "no detectable difference in " + p.what().replace(" a year", " per year")
                    + (excludesZero ? " " + Verdict.AFTER_CORRECTION + " " : " ") + ci;
        }
        if (d.mean() < 0) {
            // "about 390 fewer … (95% CI 380 to 400)": magnitudes read more naturally than negative bounds.
            ci = "(95% CI " + amount(-d.high(), p.money()) + " to " + amount(-d.low(), p.money()) + ")";
        }
        String dir = d.mean() > 0 ? p.more() : p.fewer();
        String size = amount(Math.abs(d.mean()), p.money());
        return "about " + size + " " + dir + " " + p.what() + " " + ci;
    }

    private static String amount(double v, boolean money) {
        if (!money) return Reports.round(v);
        double a = Math.abs(v);
        String s = a >= 1e6 ? String.format(java.util.Locale.ROOT, "£%.2fm", a / 1e6)
                : String.format(java.util.Locale.ROOT, "£%,.0f", a);
        return v < 0 ? "-" + s : s;
    }
}
