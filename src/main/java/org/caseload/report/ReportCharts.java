package org.caseload.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.caseload.results.Direction;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.ScenarioSummary;
import org.caseload.stats.Verdict;

/**
 * The charts of a report: monthly series with 95% bands and a marker at every budget change,
 * and the differences chart of a comparison, coloured by what each difference means.
 */
public final class ReportCharts {
    static final int WIDTH = 900;
    static final int HEIGHT = 480;
    /**
     * A difference is drawn relative to its baseline only when the whole interval stays
     * within ±1,000% of it; a baseline at or near zero makes a percentage meaningless (the
     * 8,000,000% bars of the past), so such metrics are drawn as absolute differences.
     */
    static final double MAX_RELATIVE = 10;

    private ReportCharts() {
    }

    /** A chart for the report: its caption and alternative text (what it shows, in words) and the PNG. */
    public record Chart(String caption, String alt, byte[] png) {
    }

    private record Spec(String metric, String title, String yLabel) {
    }

    private static final List<Spec> MONTHLY = List.of(
            new Spec(Metrics.M_IN_TREATMENT, "People in treatment", "people in treatment"),
            new Spec(Metrics.M_WAITING_LIST, "Waiting list", "people waiting"),
            new Spec(Metrics.M_COMPLETIONS, "Successful completions", "completions in the month"),
            new Spec(Metrics.M_DEATHS, "Deaths", "deaths in the month"),
            new Spec(Metrics.M_SPEND, "Spend", "GBP in the month"),
            new Spec(Metrics.M_CASELOAD_PER_WORKER, "Caseload per keyworker", "clients per keyworker FTE"),
            new Spec(Metrics.M_KEYWORKER_FTE, "Keyworker staffing", "keyworker FTE"));

    /**
     * Writes the monthly charts (PNG and SVG) into {@code dir/charts}, in the order of
     * {@link #MONTHLY}. The charts are independent, so they are drawn in parallel (drawing is
     * most of the time a run spends writing its files once the replications are done); each
     * file's bytes are the same whatever the order they are drawn in.
     */
    public static List<Chart> monthly(Path dir, List<ScenarioSummary> results, List<Scenario> scenarios) {
        Path chartDir = chartDir(dir);
        List<Charts.Marker> markers = budgetMarkers(scenarios);
        String markerWords = markers.isEmpty() ? "" : " Dashed lines mark budget changes: "
                + String.join("; ", markers.stream().map(Charts.Marker::label).toList()) + ".";
        List<Spec> drawn = MONTHLY.stream()
                .filter(spec -> results.stream().allMatch(r -> r.monthlySeries().contains(spec.metric())))
                .toList();
        return drawn.parallelStream().map(spec -> {
            List<Charts.Series> series = new ArrayList<>();
            for (ScenarioSummary r : results) series.add(Reports.monthlySeries(r, spec.metric()));
            byte[] png = Charts.write(Charts.timeSeriesWithBands(spec.title() + " by month (mean and 95% CI)", spec.yLabel(),
                    series, markers), chartDir.resolve(spec.metric()), WIDTH, HEIGHT);
            String caption = spec.title() + " by month: mean across replications with its 95% confidence band."
                    + markerWords + (undefinedMonths(series) ? " Months where the value is undefined (no keyworkers to divide by) are left out." : "");
            return new Chart(caption, altText(spec, series) + markerWords, png);
        }).toList();
    }

    private static boolean undefinedMonths(List<Charts.Series> series) {
        for (Charts.Series s : series) for (double v : s.mean()) if (!Double.isFinite(v)) return true;
        return false;
    }

    /** Words for screen readers: which series, their first and last monthly means. */
    private static String altText(Spec spec, List<Charts.Series> series) {
        List<String> parts = new ArrayList<>();
        for (Charts.Series s : series) parts.add(seriesWords(s));
        return "Line chart of " + spec.title().toLowerCase() + " (" + spec.yLabel() + ") by month: " + String.join("; ", parts) + ".";
    }

    /**
     * One series in words: its first and last defined monthly means and the months they fall
     * in, and the months where it is undefined (before, between and after them); a value is
     * never given for a month that has none.
     */
    static String seriesWords(Charts.Series s) {
        double[] v = s.mean();
        int first = -1;
        int last = -1;
        int between = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) continue;
            if (first < 0) first = i;
            else between += i - last - 1;
            last = i;
        }
        if (first < 0) return s.scenario() + " undefined in every month";
        StringBuilder b = new StringBuilder(s.scenario());
        if (first > 0) b.append(" undefined in ").append(months(1, first)).append(", then");
        if (first == last) b.append(' ').append(Reports.round(v[first])).append(" in month ").append(first + 1);
        else b.append(" from ").append(Reports.round(v[first])).append(" in month ").append(first + 1).append(" to ")
                .append(Reports.round(v[last])).append(" in month ").append(last + 1);
        if (between > 0) b.append(" (undefined in ").append(between).append(between == 1 ? " month" : " months").append(" between)");
        if (last < v.length - 1) b.append(", undefined ").append(last + 2 == v.length ? "in month " + v.length : "from month " + (last + 2));
        return b.toString();
    }

    private static String months(int from, int to) {
        return from == to ? "month " + from : "months " + from + " to " + to;
    }

    /**
     * One marker per distinct budget change across the scenarios. A change from reporting
     * month m starts at the boundary between plotted months m and m + 1 (month 1 is plotted
     * at x = 1 and covers the first month), hence x = m + 0.5.
     */
    static List<Charts.Marker> budgetMarkers(List<Scenario> scenarios) {
        Map<Double, List<String>> at = new TreeMap<>();
        for (Scenario s : scenarios) {
            for (Scenario.Budget.Change c : s.budget().changes()) {
                // A 0% change is a placeholder (e.g. for sweeps to vary), not a change worth a line.
                if (c.changePct() == 0 || c.fromMonth() < 0 || c.fromMonth() >= s.horizonMonths()) continue;
                at.computeIfAbsent(c.fromMonth(), k -> new ArrayList<>())
                        .add(s.name() + " " + (c.changePct() > 0 ? "+" : "") + Reports.round(c.changePct()) + "%");
            }
        }
        List<Charts.Marker> markers = new ArrayList<>();
        at.forEach((m, labels) -> markers.add(new Charts.Marker(m + 0.5, "budget from month " + Reports.round(m) + ": "
                + String.join(", ", labels))));
        return markers;
    }

    /** Whether a difference can be read as a percentage of its baseline (see {@link #MAX_RELATIVE}). */
    static boolean relative(ComparisonTable.Row r) {
        double base = Math.abs(r.comparison().baselineMean());
        ConfidenceInterval d = r.comparison().difference();
        if (!(base > 0) || !Double.isFinite(base) || !Double.isFinite(d.mean())) return false;
        double widest = Math.abs(d.mean());
        if (Double.isFinite(d.low())) widest = Math.max(widest, Math.max(Math.abs(d.low()), Math.abs(d.high())));
        return widest <= MAX_RELATIVE * base;
    }

    static Charts.Tone tone(ComparisonTable.Row r) {
        if (r.metric().direction() == Direction.NEUTRAL) return Charts.Tone.NEUTRAL;
        return r.verdict() == Verdict.WORSE ? Charts.Tone.WORSE : r.verdict() == Verdict.BETTER ? Charts.Tone.BETTER : Charts.Tone.NEUTRAL;
    }

    /**
     * The differences chart: headline metrics whose baseline is meaningfully non-zero, as
     * % of the baseline mean. Returns null when no metric qualifies. {@code left} receives the
     * headline metrics left out (absolute differences are in the table above it) and why.
     */
    public static Chart differences(Path dir, List<ComparisonTable.Row> rows, Map<String, String> left) {
        List<String> shown = new ArrayList<>(Metrics.HEADLINE);
        shown.add(1, Metrics.WAITED_OVER_21D_PER_YEAR);
        shown.add(Metrics.KEYWORKER_FTE_MEAN);
        Set<String> alternatives = new java.util.LinkedHashSet<>(rows.stream().map(ComparisonTable.Row::scenario).toList());
        List<Charts.DiffBar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String name : shown) {
            for (ComparisonTable.Row r : rows) {
                if (!r.metric().name().equals(name)) continue;
                String key = name + (alternatives.size() > 1 ? " (" + r.scenario() + ")" : "");
                if (!Double.isFinite(r.comparison().difference().mean())) {
                    left.put(key, Reports.UNDEFINED_WORD + ": " + r.note());
                    continue;
                }
                if (!relative(r)) {
                    String diff = Reports.round(r.comparison().difference().mean()) + " " + r.metric().unit();
                    left.put(key, Math.abs(r.comparison().baselineMean()) > 0
                            ? "the difference, " + diff + ", or its interval reaches beyond ±1,000% of the baseline, "
                                    + Reports.round(r.comparison().baselineMean()) + ", so no percentage is shown"
                            : "the baseline is 0, so no percentage is shown; the difference is " + diff);
                    continue;
                }
                double base = Math.abs(r.comparison().baselineMean());
                ConfidenceInterval d = r.comparison().difference();
                bars.add(new Charts.DiffBar(key.replace('_', ' '), r.scenario(), 100 * d.mean() / base,
                        100 * d.low() / base, 100 * d.high() / base, tone(r)));
                words.add(key.replace('_', ' ') + " " + (d.mean() > 0 ? "+" : "") + Reports.round(100 * d.mean() / base) + "% ("
                        + r.verdict().label() + ")");
            }
        }
        if (bars.isEmpty()) return null;
        byte[] png = Charts.write(Charts.differences("Difference from the baseline (95% CI)", "% of the baseline mean", bars),
                chartDir(dir).resolve("differences"), WIDTH, 120 + 46 * Math.max(4, bars.size()));
        String caption = "Differences from the baseline as % of the baseline mean, with 95% confidence intervals. "
                + "Orange is worse, blue better, grey descriptive or no detectable difference.";
        return new Chart(caption, "Horizontal bar chart of differences from the baseline: " + String.join("; ", words) + ".", png);
    }

    private static Path chartDir(Path dir) {
        Path chartDir = dir.resolve("charts");
        try {
            Files.createDirectories(chartDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chartDir;
    }

    static Map<String, String> newLeftOut() {
        return new LinkedHashMap<>();
    }
}
