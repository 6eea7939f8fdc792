package org.caseload.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.Undefined;

/**
 * Charts and the HTML report of a run or a comparison. The report says what was run, the
 * results with confidence intervals, the method and the model's main assumptions, so it
 * can be read without the tool.
 */
public final class Reports {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;

    private Reports() {
    }

    /** What the report needs to know about how the results were produced. */
    public record RunInfo(String command, long seed, int replications, boolean commonRandomNumbers, String precisionNote) {
    }

    /** Writes the monthly charts (PNG and SVG) into {@code dir/charts}; returns caption → PNG. */
    public static Map<String, byte[]> monthlyCharts(Path dir, List<ScenarioResult> results) {
        Map<String, byte[]> charts = new LinkedHashMap<>();
        Path chartDir = dir.resolve("charts");
        try {
            Files.createDirectories(chartDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[][] specs = {
                {Metrics.M_IN_TREATMENT, "People in treatment", "people in treatment"},
                {Metrics.M_WAITING_LIST, "Waiting list", "people waiting"},
                {Metrics.M_CASELOAD_PER_WORKER, "Caseload per keyworker", "clients per keyworker FTE"},
                {Metrics.M_KEYWORKER_FTE, "Keyworker staffing", "keyworker FTE"}};
        for (String[] spec : specs) {
            List<Charts.Series> series = new ArrayList<>();
            for (ScenarioResult r : results) series.add(monthlySeries(r, spec[0]));
            byte[] png = Charts.write(Charts.timeSeriesWithBands(spec[1] + " by month (mean and 95% CI)", spec[2], series),
                    chartDir.resolve(spec[0]), WIDTH, HEIGHT);
            charts.put(spec[1] + " by month: mean across replications with its 95% confidence band.", png);
        }
        return charts;
    }

    static Charts.Series monthlySeries(ScenarioResult r, String metric) {
        int months = r.replications().get(0).monthly().get(metric).length;
        double[] mean = new double[months];
        double[] lo = new double[months];
        double[] hi = new double[months];
        for (int m = 0; m < months; m++) {
            ConfidenceInterval ci = ConfidenceInterval.student(RunFiles.monthlyValues(r, metric, m), RunFiles.LEVEL);
            mean[m] = ci.mean();
            lo[m] = ci.low();
            hi[m] = ci.high();
        }
        return new Charts.Series(r.scenario(), mean, lo, hi);
    }

    /**
     * Chart of relative differences (% of the baseline mean) for the headline metrics, so
     * metrics in different units share one axis.
     */
    public static byte[] differenceChart(Path dir, List<ComparisonTable.Row> rows) {
        List<Charts.DiffBar> bars = new ArrayList<>();
        List<String> shown = new ArrayList<>(Metrics.HEADLINE);
        shown.add(1, Metrics.WAITED_OVER_21D_PER_YEAR);
        shown.add(Metrics.KEYWORKER_FTE_MEAN);
        for (String name : shown) {
            for (ComparisonTable.Row r : rows) {
                if (!r.metric().name().equals(name)) continue;
                double base = r.comparison().baselineMean();
                if (base == 0 || !Double.isFinite(base) || !Double.isFinite(r.comparison().difference().mean())) continue;
                ConfidenceInterval d = r.comparison().difference();
                bars.add(new Charts.DiffBar(name.replace('_', ' '), r.scenario(), 100 * d.mean() / Math.abs(base),
                        100 * d.low() / Math.abs(base), 100 * d.high() / Math.abs(base)));
            }
        }
        return Charts.write(Charts.differences("Difference from the baseline (95% CI)", "% of the baseline mean", bars),
                dir.resolve("charts").resolve("differences"), WIDTH, 120 + 46 * Math.max(4, bars.size()));
    }

    public static String runReport(RunInfo info, List<Scenario> scenarios, List<ScenarioResult> results,
                                   Map<String, byte[]> charts) {
        HtmlReport h = new HtmlReport().title("caseload: " + String.join(", ", names(scenarios)));
        whatWasRun(h, info, scenarios);
        h.heading("Results");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ScenarioResult r = results.get(i);
            for (Metric m : Metrics.forPathways(scenarios.get(i).pathways().keySet())) {
                if (!Metrics.HEADLINE.contains(m.name()) && !m.name().equals(Metrics.REFERRALS_PER_MONTH)
                        && !m.name().equals(Metrics.WAITED_OVER_21D_PER_YEAR) && !m.name().equals(Metrics.KEYWORKER_FTE_MEAN)) {
                    continue;
                }
                if (!r.replications().get(0).metrics().containsKey(m.name())) continue;
                double[] values = r.values(m.name());
                ConfidenceInterval ci = ConfidenceInterval.student(values, RunFiles.LEVEL);
                String note = Undefined.note(m.name(), values);
                rows.add(List.of(r.scenario(), m.name(), m.unit(), round(ci.mean()), interval(ci), note));
            }
        }
        h.table(List.of("scenario", "metric", "unit", "mean", "95% CI", "note"), rows);
        h.paragraph("Every metric, with its definition, is in summary.csv and the README.");
        charts.forEach((caption, png) -> h.chart(caption, png));
        methodAndAssumptions(h, info, scenarios);
        return h.build();
    }

    public static String compareReport(RunInfo info, List<Scenario> scenarios, List<ComparisonTable.Row> rows,
                                       List<String> plainWords, byte[] differences, Map<String, byte[]> charts, double alpha) {
        HtmlReport h = new HtmlReport().title("caseload comparison: " + String.join(" vs ", names(scenarios)));
        h.heading("In plain words");
        h.bullets(plainWords);
        whatWasRun(h, info, scenarios);
        h.heading("Verdicts");
        h.paragraph("Differences are alternative minus baseline, paired replication by replication. Verdicts use "
                + "Holm-adjusted p-values at alpha " + alpha + "; 'higher'/'lower' mark descriptive metrics "
                + "(volumes, staffing) that have no better or worse direction.");
        List<List<String>> table = new ArrayList<>();
        for (ComparisonTable.Row r : rows) {
            if (r.metric().name().startsWith(Metrics.ENTRIES_PREFIX) || r.metric().name().startsWith(Metrics.STAY_PREFIX)) continue;
            ConfidenceInterval d = r.comparison().difference();
            table.add(List.of(r.metric().name(), r.scenario(), round(r.comparison().baselineMean()),
                    round(r.comparison().alternativeMean()), round(d.mean()), interval(d),
                    pValue(r.pAdjusted()), r.verdict().label(), r.note()));
        }
        h.table(List.of("metric", "scenario", "baseline", "scenario mean", "difference", "95% CI", "adjusted p", "verdict",
                "note"), table);
        h.chart("Differences from the baseline as % of the baseline mean, with 95% confidence intervals.", differences);
        charts.forEach((caption, png) -> h.chart(caption, png));
        methodAndAssumptions(h, info, scenarios);
        return h.build();
    }

    private static void whatWasRun(HtmlReport h, RunInfo info, List<Scenario> scenarios) {
        h.heading("What was run");
        Map<String, String> run = new LinkedHashMap<>();
        run.put("Command", info.command());
        run.put("Seed", String.valueOf(info.seed()));
        run.put("Replications per scenario", info.replications() + (info.precisionNote() == null ? "" : " (" + info.precisionNote() + ")"));
        run.put("Random numbers", info.commonRandomNumbers()
                ? "common random numbers: replication r of every scenario uses the same streams"
                : "independent streams per scenario (common random numbers switched off)");
        h.definitionList(run);
        for (Scenario s : scenarios) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("Description", s.description().isEmpty() ? "(none)" : s.description());
            p.put("Run length", s.horizonMonths() + " months reported after " + s.warmupMonths() + " months of warm-up");
            p.put("New referrals", round(s.arrivals().ratePerMonth()) + " a month (re-presentations come on top)");
            int initial = s.initialCaseload().values().stream().mapToInt(Integer::intValue).sum();
            p.put("Initial caseload", initial == 0 ? "none (starts empty)" : initial + " people");
            p.put("Assessment", s.assessment().workers() + " assessors");
            for (Scenario.Pathway pw : s.pathways().values()) {
                String cap = switch (pw.kind()) {
                    case CASELOAD -> round(pw.staffFte()) + " FTE at a target caseload of " + round(pw.caseloadPerFte())
                            + " (" + pw.whenFull().name().toLowerCase().replace('_', ' ') + " when full)";
                    case PLACES -> pw.places() + " places (" + pw.whenFull().name().toLowerCase().replace('_', ' ') + " when full)";
                    case OPEN -> "open (no capacity limit)";
                };
                p.put("Pathway " + pw.name(), cap);
            }
            List<String> changes = new ArrayList<>();
            for (Scenario.Budget.Change c : s.budget().changes()) changes.add(round(c.changePct()) + "% from month " + round(c.fromMonth()));
            p.put("Budget changes", changes.isEmpty() ? "none" : String.join("; ", changes));
            h.paragraph("Scenario " + s.name() + ":");
            h.definitionList(p);
        }
    }

    private static void methodAndAssumptions(HtmlReport h, RunInfo info, List<Scenario> scenarios) {
        h.heading("Method");
        boolean warm = scenarios.stream().anyMatch(s -> s.warmupMonths() > 0);
        boolean initial = scenarios.stream().anyMatch(s -> !s.initialCaseload().isEmpty());
        h.paragraph("Each scenario is a discrete-event simulation of one local treatment system, replicated "
                + info.replications() + " times. Each replication uses its own substream of MRG32k3a random streams: "
                + "one stream for arrival times, one for thinning, and one per client, so "
                + (info.commonRandomNumbers() ? "scenarios compared share common random numbers and each person's draws "
                + "stay the same whatever happens to others. " : "(here) scenarios use independent streams. ")
                + "Results are means over replications with Student-t 95% confidence intervals; comparisons are paired "
                + "t-tests on the per-replication differences with Holm's correction across metrics and alternatives. "
                + (initial ? "The system starts from an initial caseload" + (warm ? " and runs a warm-up that is not reported. " : ". ")
                : warm ? "The system starts empty and a warm-up period is deleted. " : "The system starts empty with no warm-up. ")
                + (info.precisionNote() != null ? "The replication count was chosen for precision: " + info.precisionNote() + "." : ""));
        h.heading("Main assumptions");
        h.bullets(List.of(
                "New referrals arrive as a (possibly time-varying) Poisson process; people who relapse re-present with "
                        + "their history (more previous episodes lowers the chance of completing).",
                "How an episode ends (completion, drop-out, transfer) is decided when it starts, from group weights "
                        + "adjusted for complexity, history and caseload pressure at that moment; the time to that ending "
                        + "follows the outcome's own distribution.",
                "Caseload pressure (clients per FTE above target) lowers completion and raises drop-out; its strength is "
                        + "an uncertain parameter.",
                "A budget change scales staff and places after overheads and demand-driven medication are paid, so a cut "
                        + "falls more than proportionally on staff.",
                "Deaths are modelled in treatment, while waiting (at the out-of-treatment rate) and after leaving (with "
                        + "the post-exit spike after prescribing); deaths after leaving are counted within the follow-up window.",
                "The recovery community is not counted as treatment; completing it lowers the chance of relapse."));
    }

    static List<String> names(List<Scenario> scenarios) {
        return scenarios.stream().map(Scenario::name).toList();
    }

    /** "low to high", or a dash when there is no interval (fewer than 2 values). */
    static String interval(ConfidenceInterval ci) {
        if (!Double.isFinite(ci.low()) || !Double.isFinite(ci.high())) return Undefined.DASH;
        return round(ci.low()) + " to " + round(ci.high());
    }

    /** A readable rounding for tables and sentences: about three significant figures; a dash when undefined. */
    public static String round(double v) {
        if (!Double.isFinite(v)) return Undefined.DASH;
        if (Math.abs(v) < 0.005) return "0";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(java.util.Locale.ROOT, "%,.0f", v);
        double a = Math.abs(v);
        if (a >= 1000) return String.format(java.util.Locale.ROOT, "%,.0f", v);
        if (a >= 100) return String.format(java.util.Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(java.util.Locale.ROOT, "%.1f", v);
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    /** p for people: {@code <0.0001} below the floor (never 0), 4 decimals below 0.001, else 3. */
    static String pValue(double p) {
        if (!Double.isFinite(p)) return Undefined.DASH;
        if (p < Numbers.P_FLOOR) return "<0.0001";
        return String.format(java.util.Locale.ROOT, p < 0.001 ? "%.4f" : "%.3f", p);
    }
}
