package org.caseload.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.caseload.analysis.Axis;
import org.caseload.analysis.Sweep;
import org.caseload.analysis.SweepSummary;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.scenario.ScenarioVariant;

/** The files of {@code caseload sweep}: {@code sweep.csv}, the dose–response chart and the report section. */
public final class SweepReport {
    private SweepReport() {
    }

    /** What to say about a sweep: how it was run and its plain-words findings. */
    /** @param alpha the significance level of the verdicts (after Holm's correction) */
    public record Info(String command, long seed, String scenario, List<String> findings, List<String> goals, double alpha) {
    }

    public static void writeCsv(Path file, Sweep s, List<SweepSummary.Row> rows) {
        List<String> header = new ArrayList<>(List.of("level"));
        for (Axis a : s.axes()) header.add(a.path());
        header.addAll(List.of("metric", "mean", "ci_low", "ci_high", "n", "diff_vs_first", "diff_ci_low", "diff_ci_high",
                "p_value", "p_adjusted", "verdict"));
        try (CSVPrinter p = RunFiles.printer(file, header.toArray(new String[0]))) {
            for (SweepSummary.Row r : rows) {
                List<Object> rec = new ArrayList<>();
                rec.add(r.level() + 1);
                for (double v : r.values()) rec.add(ScenarioVariant.text(v));
                rec.add(r.metric().name());
                rec.add(Numbers.format(r.ci().mean()));
                rec.add(Numbers.format(r.ci().low()));
                rec.add(Numbers.format(r.ci().high()));
                rec.add(r.ci().n());
                rec.add(Numbers.format(r.vsReference().difference().mean()));
                rec.add(Numbers.format(r.vsReference().difference().low()));
                rec.add(Numbers.format(r.vsReference().difference().high()));
                rec.add(Numbers.pValue(r.vsReference().pValue()));
                rec.add(Numbers.pValue(r.pAdjusted()));
                rec.add(r.verdict().label());
                p.printRecord(rec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metrics drawn: the headline ones, plus the goal-seek metric if it is not one of them. */
    public static List<String> shownMetrics(String targetMetric) {
        List<String> shown = new ArrayList<>(Metrics.HEADLINE);
        if (targetMetric != null && !shown.contains(targetMetric)) shown.add(0, targetMetric);
        return shown;
    }

    /** Writes {@code charts/dose_response.png/.svg}; returns the PNG. */
    public static byte[] chart(Path dir, Sweep s, List<SweepSummary.Row> rows, List<String> shown) {
        Axis a0 = s.axes().get(0);
        int n0 = a0.levels().size();
        int n1 = s.levelCount() / n0;
        List<AnalysisCharts.Panel> panels = new ArrayList<>();
        for (String name : shown) {
            List<AnalysisCharts.Band> bands = new ArrayList<>();
            for (int i1 = 0; i1 < n1; i1++) {
                double[] x = new double[n0];
                double[] mean = new double[n0];
                double[] lo = new double[n0];
                double[] hi = new double[n0];
                for (SweepSummary.Row r : rows) {
                    if (!r.metric().name().equals(name) || s.second(r.level()) != i1) continue;
                    int i0 = s.first(r.level());
                    x[i0] = r.values()[0];
                    mean[i0] = r.ci().mean();
                    lo[i0] = r.ci().low();
                    hi[i0] = r.ci().high();
                }
                String label = s.axes().size() == 2 ? s.axes().get(1).shortName() + " = "
                        + ScenarioVariant.text(s.axes().get(1).levels().get(i1)) : name;
                bands.add(new AnalysisCharts.Band(label, x, mean, lo, hi));
            }
            Metric m = s.metrics().get(s.metricIndex(name));
            panels.add(new AnalysisCharts.Panel(name.replace('_', ' ') + " (" + m.unit() + ")", bands));
        }
        Path charts = dir.resolve("charts");
        try {
            Files.createDirectories(charts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Charts.write(AnalysisCharts.doseResponse("Dose-response: mean and 95% CI at each level", a0.path(), panels),
                charts.resolve("dose_response"), 900, 220 * panels.size() + 120);
    }

    public static String html(Info info, Sweep s, List<SweepSummary.Row> rows, byte[] chart, List<String> shown) {
        HtmlReport h = new HtmlReport().title("caseload sweep: " + info.scenario());
        h.heading("In plain words");
        List<String> words = new ArrayList<>(info.goals());
        words.addAll(info.findings());
        h.bullets(words);
        h.heading("What was run");
        Map<String, String> run = new LinkedHashMap<>();
        run.put("Command", info.command());
        run.put("Seed", String.valueOf(info.seed()));
        for (Axis a : s.axes()) run.put("Varied", a.path() + " over " + a.levels().size() + " levels (" + a.spec() + ")");
        run.put("Replications per level", String.valueOf(s.replications()));
        run.put("Random numbers", "common random numbers: replication r of every level uses the same streams, so "
                + "differences between levels are paired");
        h.definitionList(run);
        h.heading("Dose-response");
        h.chart("Mean of each headline metric at each level, with its 95% confidence band.", chart);
        List<List<String>> table = new ArrayList<>();
        for (SweepSummary.Row r : rows) {
            if (!shown.contains(r.metric().name())) continue;
            List<String> row = new ArrayList<>();
            for (double v : r.values()) row.add(ScenarioVariant.text(v));
            row.add(r.metric().name());
            row.add(Reports.round(r.ci().mean()));
            row.add(Reports.round(r.ci().low()) + " to " + Reports.round(r.ci().high()));
            row.add(Reports.round(r.vsReference().difference().mean()));
            row.add(Double.isNaN(r.pAdjusted()) ? "" : Reports.pValue(r.pAdjusted()));
            row.add(r.verdict().label());
            table.add(row);
        }
        List<String> header = new ArrayList<>();
        for (Axis a : s.axes()) header.add(a.shortName());
        header.addAll(List.of("metric", "mean", "95% CI", "difference from first level", "Holm-adjusted p", "verdict"));
        h.table(header, table);
        h.paragraph("Every metric is in sweep.csv.");
        h.heading("Method");
        h.paragraph("Each level is the scenario with the varied value written in as --set would, and validated like any "
                + "other value. Every level runs the same replications on the same random numbers (common random numbers), "
                + "so each level is compared with the first level of the first axis by a paired t-test on per-replication "
                + "differences; p-values are Holm-adjusted across the levels compared with the same reference (for each metric, "
                + "and in a two-way sweep for each level of the second axis). 'Detectably worse' means a "
                + "verdict of worse at alpha " + Numbers.format(info.alpha()) + " after adjustment. Goal-seek takes the first level, in the order of the "
                + "sweep, whose one-sided 95% confidence bound for the mean meets the target.");
        return h.build();
    }
}
