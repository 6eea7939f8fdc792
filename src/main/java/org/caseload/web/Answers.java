package org.caseload.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.caseload.results.Metrics;
import org.caseload.report.Reports;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;

/**
 * The answer's summary lines and verdict table, from the comparison rows the report uses.
 * Numbers are rounded as people read them: people to the nearest 10 (to 1 where the baseline is under 100),
 * money to £1,000, percentages to one decimal.
 */
final class Answers {
    /** Headline metrics of the summary, with the words a commissioner would use. */
    private static final String[][] HEADLINES = {
            {Metrics.COMPLETIONS_PER_YEAR, "Successful completions a year", "people"},
            {Metrics.IN_TREATMENT_MEAN, "People in treatment on an average day", "people"},
            {Metrics.WAITING_LIST_MEAN, "People waiting on an average day", "people"},
            {Metrics.DEATHS_PER_YEAR, "Deaths a year", "few"}, // tens of deaths: to the nearest 10 would hide the change
            {Metrics.CASELOAD_PER_WORKER_MEAN, "Clients per keyworker", "ratio"},
            {Metrics.SPEND_PER_YEAR, "Spend a year", "money"}};

    private Answers() {
    }

    /** One line per headline: "Successful completions a year: 1,590 → 1,520 (−70; 95% CI −80 to −60): worse." */
    static List<String> card(List<ComparisonTable.Row> rows) {
        List<String> out = new ArrayList<>();
        for (String[] h : HEADLINES) {
            for (ComparisonTable.Row r : rows) {
                if (!r.metric().name().equals(h[0])) continue;
                ConfidenceInterval d = r.comparison().difference();
                // One rounding for the whole line, set by the size of the baseline, so a change and its interval agree.
                String kind = h[2].equals("people") && Math.abs(r.comparison().baselineMean()) < 100 ? "few" : h[2];
                out.add(h[1] + ": " + fmt(r.comparison().baselineMean(), kind, false) + " \u2192 "
                        + fmt(r.comparison().alternativeMean(), kind, false) + " (" + fmt(d.mean(), kind, true)
                        + "; 95% CI " + fmt(d.low(), kind, true) + " to " + fmt(d.high(), kind, true) + "): "
                        + r.verdict().label() + ".");
            }
        }
        return out;
    }

    /** One row per metric (pathway entry and stay details left to the CSV, as in the report). */
    static List<List<String>> verdicts(List<ComparisonTable.Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (ComparisonTable.Row r : rows) {
            String name = r.metric().name();
            if (name.startsWith(Metrics.ENTRIES_PREFIX) || name.startsWith(Metrics.STAY_PREFIX)) continue;
            ConfidenceInterval d = r.comparison().difference();
            out.add(List.of(name, Reports.round(r.comparison().baselineMean()), Reports.round(r.comparison().alternativeMean()),
                    Reports.round(d.mean()), Reports.round(d.low()) + " to " + Reports.round(d.high()), pValue(r.pAdjusted()),
                    r.verdict().label()));
        }
        return out;
    }

    /** The PNG charts the report code wrote, in a reading order, with captions that also serve as alt text. */
    static List<Job.Chart> charts(Path folder) {
        Path dir = folder.resolve("charts");
        List<String> order = List.of("differences", Metrics.M_IN_TREATMENT, Metrics.M_WAITING_LIST, Metrics.M_COMPLETIONS,
                Metrics.M_DEATHS, Metrics.M_SPEND, Metrics.M_CASELOAD_PER_WORKER, Metrics.M_KEYWORKER_FTE);
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .map(n -> n.substring(0, n.length() - 4)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)) != 0
                ? Integer.compare(rank(order, a), rank(order, b)) : a.compareTo(b));
        List<Job.Chart> out = new ArrayList<>();
        for (String n : sorted) out.add(new Job.Chart("charts/" + n + ".png", caption(n)));
        return out;
    }

    private static int rank(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    }

    private static String caption(String name) {
        if (name.equals("differences")) return "Differences from the baseline as % of the baseline mean, with 95% confidence intervals.";
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1)
                + " by month, baseline and what-if: mean across replications with its 95% confidence band.";
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) return "\u2014";
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    static String fmt(double v, String kind, boolean signed) {
        if (Double.isNaN(v)) return "\u2014";
        double rounded = switch (kind) {
            case "people" -> Math.round(v / 10) * 10.0;
            case "few" -> Math.round(v);
            case "money" -> Math.round(v / 1000) * 1000.0;
            default -> Math.round(v * 10) / 10.0;
        };
        if (rounded == 0) rounded = 0; // no "-0"
        String body = kind.equals("ratio") ? String.format(Locale.ROOT, "%,.1f", Math.abs(rounded))
                : String.format(Locale.ROOT, "%,.0f", Math.abs(rounded));
        if (kind.equals("money")) body = "\u00a3" + body;
        String sign = rounded < 0 ? "\u2212" : signed && rounded > 0 ? "+" : "";
        return sign + body;
    }
}
