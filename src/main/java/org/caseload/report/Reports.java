package org.caseload.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.ScenarioSummary;
import org.caseload.stats.Undefined;

/**
 * Charts and the HTML report of a run or a comparison. The report says what was run, the
 * results with confidence intervals, the method and the model's main assumptions, so it
 * can be read without the tool.
 */
public final class Reports {

    private Reports() {
    }

    /**
     * What the report needs to know about how the results were produced.
     *
     * @param command the full command that reproduces the run (every argument, with the seed and replications)
     * @param files   the scenario files, in scenario order (for the assumptions and their sources)
     */
    public record RunInfo(String command, long seed, int replications, boolean commonRandomNumbers, String precisionNote,
                          List<Path> files) {
    }

    /** Word used where a value is undefined, before its reason. */
    static final String UNDEFINED_WORD = Undefined.DASH + " undefined";

    static Charts.Series monthlySeries(ScenarioSummary r, String metric) {
        int months = r.months();
        double[] mean = new double[months];
        double[] lo = new double[months];
        double[] hi = new double[months];
        for (int m = 0; m < months; m++) {
            ConfidenceInterval ci = r.monthlyInterval(metric, m, RunFiles.LEVEL);
            mean[m] = ci.mean();
            lo[m] = ci.low();
            hi[m] = ci.high();
        }
        return new Charts.Series(r.scenario(), mean, lo, hi);
    }

    /**
     * Whether a comparison's row is in the verdict tables of report.html and the serve page:
     * each pathway's entries a year and mean stay are left to comparison.csv and report.xlsx.
     */
    public static boolean inVerdictTable(ComparisonTable.Row r) {
        String name = r.metric().name();
        return !name.startsWith(Metrics.ENTRIES_PREFIX) && !name.startsWith(Metrics.STAY_PREFIX);
    }

    /** The metrics of a run report's Results table: the headlines, every line of the card among them, and a few more. */
    static boolean headlineRow(String name) {
        return Metrics.HEADLINE.contains(name) || name.equals(Metrics.REFERRALS_PER_MONTH) || name.equals(Metrics.WAITING_LIST_MEAN)
                || name.equals(Metrics.WAITED_OVER_21D_PER_YEAR) || name.equals(Metrics.KEYWORKER_FTE_MEAN)
                || name.equals(Metrics.COST_PER_COMPLETION) || name.equals(Metrics.PCT_WAITING_OVER_21D);
    }

    public static String runReport(RunInfo info, List<Scenario> scenarios, List<ScenarioSummary> results,
                                   List<ReportCharts.Chart> charts) {
        HtmlReport h = new HtmlReport().title("caseload: " + String.join(", ", names(scenarios)));
        List<String> card = new ArrayList<>();
        for (ScenarioSummary r : results) card.addAll(SummaryCard.run(r));
        h.card(card, SummaryCard.MEANING);
        h.heading("Results");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ScenarioSummary r = results.get(i);
            for (Metric m : Metrics.forPathways(scenarios.get(i).pathways().keySet())) {
                if (!headlineRow(m.name()) || !r.reports(m.name())) continue;
                ConfidenceInterval ci = r.interval(m.name(), RunFiles.LEVEL);
                String note = r.undefinedNote(m.name());
                if (ci.n() == 1 && r.replications() == 1) note = "one replication: no interval";
                rows.add(List.of(r.scenario(), m.name(), m.unit(), round(ci.mean()), interval(ci), note));
            }
        }
        h.table(List.of("scenario", "metric", "unit", "mean", "95% CI", "note"), rows);
        h.paragraph("Every metric is in summary.csv and report.xlsx with its unit, and defined in the README. "
                + "A dash (—) marks a value that is undefined, never zero; the note says why.");
        CostLineTable.run(h, results, scenarios);
        charts.forEach(c -> h.chart(c.caption(), c.alt(), c.png()));
        whatWasRun(h, info, scenarios);
        assumptions(h, info, scenarios);
        methodAndAssumptions(h, info, scenarios);
        return h.build();
    }

    public static String compareReport(RunInfo info, List<Scenario> scenarios, List<ComparisonTable.Row> rows,
                                       List<String> card, List<String> plainWords, ReportCharts.Chart differences,
                                       Map<String, String> leftOut, List<ReportCharts.Chart> charts, double alpha) {
        HtmlReport h = new HtmlReport().title("caseload comparison: " + String.join(" vs ", names(scenarios)));
        h.card(card, SummaryCard.MEANING);
        h.heading("In plain words");
        h.bullets(plainWords);
        h.heading("Verdicts");
        h.paragraph("Differences are alternative minus baseline, paired replication by replication. Verdicts use "
                + "Holm-adjusted p-values at alpha " + alpha + "; 'higher'/'lower' mark descriptive metrics "
                + "(volumes, staffing, spend) that have no better or worse direction. The change is shown as % of the "
                + "baseline only where the baseline is meaningfully non-zero (the whole interval within ±1,000% of it). "
                + "Colours: worse is warm, better cool, descriptive or no detectable difference grey. "
                + "Each pathway's entries per year and mean stay (entries_per_year_<pathway>, stay_days_mean_<pathway>) "
                + "are left out of this table: they are in comparison.csv and report.xlsx.");
        List<List<String>> table = new ArrayList<>();
        for (ComparisonTable.Row r : rows) {
            if (!inVerdictTable(r)) continue;
            ConfidenceInterval d = r.comparison().difference();
            String pct = ReportCharts.relative(r) ? signed(100 * d.mean() / Math.abs(r.comparison().baselineMean())) + "%" : "";
            table.add(List.of(r.metric().name(), r.metric().unit(), r.scenario(), round(r.comparison().baselineMean()),
                    round(r.comparison().alternativeMean()), round(d.mean()), pct, interval(d),
                    pValue(r.pAdjusted()), r.verdict().label(), r.note()));
        }
        h.table(List.of("metric", "unit", "scenario", "baseline", "scenario mean", "difference", "% of baseline", "95% CI",
                "adjusted p", "verdict", "note"), table);
        if (differences != null) h.chart(differences.caption(), differences.alt(), differences.png());
        if (!leftOut.isEmpty()) {
            List<String> items = new ArrayList<>();
            leftOut.forEach((k, v) -> items.add(k + ": " + v));
            h.paragraph("Headline metrics not drawn as a percentage of the baseline:");
            h.bullets(items);
        }
        CostLineTable.compare(h, rows, scenarios);
        charts.forEach(c -> h.chart(c.caption(), c.alt(), c.png()));
        whatWasRun(h, info, scenarios);
        assumptions(h, info, scenarios);
        methodAndAssumptions(h, info, scenarios);
        return h.build();
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + round(v);
    }

    /** The assumptions table: every commented value of each scenario file, with its comment as the stated source. */
    private static void assumptions(HtmlReport h, RunInfo info, List<Scenario> scenarios) {
        h.heading("Assumptions and their sources");
        h.paragraph("Read from the scenario files: each file's header (what it represents and its sources) and every "
                + "value that carries a comment, with that comment as its stated source. Values without a comment are "
                + "not listed here; every value as run is in manifest.json.");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < scenarios.size() && i < info.files().size(); i++) {
            Assumptions.Sources src = Assumptions.read(scenarios.get(i).name(), info.files().get(i));
            if (!src.headers().isEmpty()) h.bullets(src.headers().stream().map(x -> src.scenario() + " — " + x).toList());
            for (Assumptions.Entry e : src.entries()) rows.add(List.of(e.scenario(), e.path(), e.value(), e.source(), e.file()));
        }
        if (!rows.isEmpty()) h.table(List.of("scenario", "setting", "value", "source or reason (from the file)", "file"), rows);
    }

    private static void whatWasRun(HtmlReport h, RunInfo info, List<Scenario> scenarios) {
        h.heading("What was run");
        Map<String, String> run = new LinkedHashMap<>();
        run.put("Seed", String.valueOf(info.seed()));
        run.put("Replications per scenario", info.replications() + (info.precisionNote() == null ? "" : " (" + info.precisionNote() + ")"));
        run.put("Random numbers", info.commonRandomNumbers()
                ? "common random numbers: replication r of every scenario uses the same streams"
                : "independent streams per scenario (common random numbers switched off)");
        h.paragraph("Command that reproduces this run (the same seed gives the same numbers, whatever --threads):");
        h.code(info.command());
        h.definitionList(run);
        for (Scenario s : scenarios) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("Description", s.description().isEmpty() ? "(none)" : s.description());
            p.put("Run length", s.horizonMonths() + " months reported after " + s.warmupMonths() + " months of warm-up"
                    + (scenarios.size() > 1 ? " (scenarios compared all warm up as long as the longest of them)" : ""));
            p.put("New referrals", round(s.arrivals().ratePerMonth()) + " a month (re-presentations come on top)");
            int initial = s.initialCaseload().values().stream().mapToInt(Integer::intValue).sum();
            p.put("Initial caseload", initial == 0 ? "none (starts empty)" : String.format(java.util.Locale.ROOT, "%,d people", initial));
            p.put("Assessment", s.assessment().workers() + " assessors");
            for (Scenario.Pathway pw : s.pathways().values()) {
                String cap = switch (pw.capacity().kind()) {
                    case CASELOAD -> round(pw.capacity().staffFte()) + " FTE at a target caseload of " + round(pw.capacity().caseloadPerFte())
                            + " (" + pw.whenFull().name().toLowerCase().replace('_', ' ') + " when full)";
                    case PLACES -> pw.capacity().places() + " places (" + pw.whenFull().name().toLowerCase().replace('_', ' ') + " when full)";
                    case OPEN -> "open (no capacity limit)";
                };
                p.put("Pathway " + pw.name(), cap);
            }
            List<String> changes = new ArrayList<>();
            for (Scenario.Budget.Change c : s.budget().changes()) changes.add(round(c.changePct()) + "% from month " + round(c.fromMonth()));
            p.put("Budget changes", changes.isEmpty() ? "none" : String.join("; ", changes) + ", " + CostLineTable.rule(s.budget()));
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
                + "one stream for arrival times and one per client, so "
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
                "A budget change is shared out over the cost lines by the scenario's allocation rule (see the cost-line "
                        + "table); medication is demand-driven: its client-days follow the caseload, only its unit cost can move.",
                "Deaths are modelled in treatment, while waiting (at the out-of-treatment rate) and after leaving (with "
                        + "the post-exit spike after prescribing); deaths after leaving are counted within the follow-up window.",
                "The recovery community is not counted as treatment; completing it lowers the chance of relapse."));
    }

    static List<String> names(List<Scenario> scenarios) {
        return scenarios.stream().map(Scenario::name).toList();
    }

    /**
     * "low to high", each {@link #round rounded}; where that would make ends that differ read the
     * same, both get one more decimal at a time until they do not (at most six); a dash when
     * there is no interval (fewer than 2 values).
     */
    public static String interval(ConfidenceInterval ci) {
        if (!Double.isFinite(ci.low()) || !Double.isFinite(ci.high())) return Undefined.DASH;
        String low = round(ci.low());
        String high = round(ci.high());
        if (!low.equals(high) || ci.high() - ci.low() < Digits.FINEST) return low + " to " + high;
        int shown = low.indexOf('.') < 0 ? 0 : low.length() - low.indexOf('.') - 1;
        for (int d = shown + 1; d <= Digits.MOST_DECIMALS; d++) {
            String l = withDecimals(ci.low(), d);
            String h = withDecimals(ci.high(), d);
            if (!l.equals(h)) return l + " to " + h;
        }
        return low + " to " + high;
    }

    /** {@code v} to {@code decimals} decimals, with a hyphen-minus when negative and not reading as zero (as {@link #round}). */
    private static String withDecimals(double v, int decimals) {
        String s = Digits.fixed(Math.abs(v), decimals);
        return v < 0 && !Digits.readsZero(s) ? "-" + s : s;
    }

    /**
     * A readable rounding for tables and sentences: about three significant figures, and two
     * where a value below 0.005 would otherwise read as 0 (-0.0029), at most six decimals; a dash
     * when undefined.
     */
    public static String round(double v) {
        if (!Double.isFinite(v)) return Undefined.DASH;
        if (Math.abs(v) < 0.005) {
            String s = Digits.figures(Math.abs(v));
            return Digits.readsZero(s) ? "0" : (v < 0 ? "-" : "") + s;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(java.util.Locale.ROOT, "%,.0f", v);
        // Bands by the value as it will be printed, so that 999.7 reads "1,000", not "1000",
        // and 99.97 "100", not "100.0".
        double a = Math.abs(v);
        if (a >= 999.5) return String.format(java.util.Locale.ROOT, "%,.0f", v);
        if (a >= 99.95) return String.format(java.util.Locale.ROOT, "%.0f", v);
        if (a >= 9.995) return String.format(java.util.Locale.ROOT, "%.1f", v);
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    /** p for people (report.html, the serve page): {@code <0.0001} below the floor (never 0), 4 decimals below 0.001, else 3. */
    public static String pValue(double p) {
        if (!Double.isFinite(p)) return Undefined.DASH;
        if (p < Numbers.P_FLOOR) return "<0.0001";
        return String.format(java.util.Locale.ROOT, p < 0.001 ? "%.4f" : "%.3f", p);
    }
}
