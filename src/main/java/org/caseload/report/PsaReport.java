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
import org.caseload.analysis.Psa;
import org.caseload.analysis.PsaSummary;
import org.caseload.results.Metrics;
import org.caseload.scenario.UncertainParameter;

/** The files of {@code caseload psa}: psa.csv, psa_summary.csv, psa_differences.csv, charts and the report. */
public final class PsaReport {
    private PsaReport() {
    }

    public record Info(String command, long seed, String sampling, int replications, List<String> findings) {
    }

    /** Tidy: one row per sample, scenario and metric, with the sample's parameter values. */
    public static void writeSamples(Path file, Psa psa) {
        List<String> header = new ArrayList<>(List.of("sample"));
        for (UncertainParameter p : psa.parameters()) header.add(p.path());
        header.addAll(List.of("scenario", "metric", "mean", "se", "n"));
        try (CSVPrinter p = RunFiles.printer(file, header.toArray(new String[0]))) {
            for (int s = 0; s < psa.scenarios().size(); s++) {
                for (int k = 0; k < psa.samples(); k++) {
                    for (int m = 0; m < psa.metrics().size(); m++) {
                        double[] y = psa.outputs(s, m)[k];
                        List<Object> rec = new ArrayList<>();
                        rec.add(k + 1);
                        for (int j = 0; j < psa.parameters().size(); j++) rec.add(Numbers.format(psa.value(k, j)));
                        rec.add(psa.scenarios().get(s));
                        rec.add(psa.metrics().get(m).name());
                        double[] f = java.util.Arrays.stream(y).filter(v -> !Double.isNaN(v)).toArray();
                        double mean = f.length == 0 ? Double.NaN : java.util.Arrays.stream(f).average().orElse(Double.NaN);
                        double se = Double.NaN;
                        if (f.length > 1) {
                            double ss = 0;
                            for (double v : f) ss += (v - mean) * (v - mean);
                            se = Math.sqrt(ss / (f.length - 1) / f.length);
                        }
                        rec.add(Numbers.format(mean));
                        rec.add(Numbers.format(se));
                        rec.add(f.length);
                        p.printRecord(rec);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param baseline the baseline's name for psa_differences.csv, or null for psa_summary.csv */
    public static void writeSummary(Path file, List<PsaSummary.Row> rows, String baseline) {
        boolean differences = baseline != null;
        List<String> header = new ArrayList<>(differences ? List.of("baseline", "scenario") : List.of("scenario"));
        header.addAll(List.of("metric", differences ? "diff_mean" : "mean", "ci_low", "ci_high", "ui_low", "ui_high",
                "var_parameters", "var_noise_per_replication", "var_noise_in_sample_means", "pct_parameters"));
        if (differences) header.addAll(List.of("pct_samples_better", "pct_samples_worse", "pct_samples_tied"));
        try (CSVPrinter p = RunFiles.printer(file, header.toArray(new String[0]))) {
            for (PsaSummary.Row r : rows) {
                List<Object> rec = new ArrayList<>();
                if (differences) rec.add(baseline);
                rec.add(r.scenario());
                rec.add(r.metric().name());
                for (double v : new double[] {r.mean(), r.ciLow(), r.ciHigh(), r.uiLow(), r.uiHigh(), r.split().parameters(),
                        r.split().noisePerReplication(), r.split().noiseInSampleMeans(), r.split().pctParameters()}) {
                    rec.add(Numbers.format(v));
                }
                if (differences) {
                    rec.add(Numbers.format(r.probBetter()));
                    rec.add(Numbers.format(r.probWorse()));
                    rec.add(Numbers.format(r.probTied()));
                }
                p.printRecord(rec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the charts; returns caption → PNG. */
    public static Map<String, byte[]> charts(Path dir, Psa psa, List<PsaSummary.Row> diffs) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Path charts = dir.resolve("charts");
        try {
            Files.createDirectories(charts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean compare = psa.scenarios().size() > 1;
        for (String name : Metrics.HEADLINE) {
            int m = index(psa, name);
            if (m < 0) continue;
            Map<String, double[]> samples = new LinkedHashMap<>();
            if (compare) {
                for (int s = 1; s < psa.scenarios().size(); s++) samples.put(psa.scenarios().get(s), Psa.sampleMeans(psa.differences(s, m)));
            } else {
                samples.put(psa.scenarios().get(0), Psa.sampleMeans(psa.outputs(0, m)));
            }
            String what = compare ? "Difference from " + psa.scenarios().get(0) + ": " + name : name;
            byte[] png = Charts.write(AnalysisCharts.histogram(what + " across parameter samples",
                    (compare ? "difference in " : "") + psa.metrics().get(m).unit(), samples, Math.max(8, (int) Math.sqrt(psa.samples()) * 2)),
                    charts.resolve("psa_" + (compare ? "difference_" : "") + name), 900, 420);
            out.put(what + ": distribution over the " + psa.samples() + " parameter samples of the sample means"
                    + (compare ? " of the paired difference (alternative − baseline)." : "."), png);
        }
        if (compare) {
            List<AnalysisCharts.Bar> bars = new ArrayList<>();
            for (String name : Metrics.HEADLINE) {
                for (PsaSummary.Row r : diffs) {
                    if (r.metric().name().equals(name)) {
                        String label = name.replace('_', ' ') + (r.metric().direction() == org.caseload.results.Direction.NEUTRAL ? " (higher)" : "");
                        bars.add(new AnalysisCharts.Bar(label, r.scenario(), r.probBetter(), Double.NaN));
                    }
                }
            }
            byte[] png = Charts.write(AnalysisCharts.probabilityBars("Probability better than " + psa.scenarios().get(0),
                    "% of parameter samples", bars), charts.resolve("psa_probability_better"), 900, 120 + 40 * Math.max(4, bars.size()));
            out.put("Share of parameter samples in which each alternative is better than the baseline (for metrics with no "
                    + "better direction, such as in_treatment_mean and spend_per_year: higher).", png);
        }
        return out;
    }

    static int index(Psa psa, String metric) {
        for (int i = 0; i < psa.metrics().size(); i++) if (psa.metrics().get(i).name().equals(metric)) return i;
        return -1;
    }

    public static String html(Info info, Psa psa, List<PsaSummary.Row> rows, List<PsaSummary.Row> diffs, Map<String, byte[]> charts) {
        HtmlReport h = new HtmlReport().title("caseload PSA: " + String.join(", ", psa.scenarios()));
        h.heading("In plain words");
        h.bullets(info.findings());
        h.heading("What was run");
        Map<String, String> run = new LinkedHashMap<>();
        run.put("Command", info.command());
        run.put("Seed", String.valueOf(info.seed()));
        run.put("Parameter samples", psa.samples() + " (" + info.sampling() + ")");
        run.put("Replications per sample", String.valueOf(info.replications()));
        run.put("Random numbers", "every scenario uses the same parameter sets and, for each set, the same random numbers "
                + "(common random numbers); different sets get independent random numbers");
        h.definitionList(run);
        List<List<String>> params = new ArrayList<>();
        for (UncertainParameter p : psa.parameters()) {
            params.add(List.of(p.path(), Reports.round(p.value()), p.distribution().describe(), p.source()));
        }
        h.heading("Uncertain parameters");
        h.table(List.of("parameter", "scenario value", "distribution", "source"), params);
        h.heading("Results");
        h.table(List.of("scenario", "metric", "mean", "95% CI", "95% uncertainty interval", "% of variance from parameters"),
                table(rows, false));
        if (!diffs.isEmpty()) {
            h.heading("Differences from " + psa.scenarios().get(0));
            h.table(List.of("scenario", "metric", "mean difference", "95% CI", "95% uncertainty interval",
                    "% of variance from parameters", "% of samples better", "% worse", "% tied"), table(diffs, true));
        }
        charts.forEach(h::chart);
        h.heading("Method");
        h.paragraph("Two-level Monte Carlo: each parameter set is drawn from the scenario's uncertainty section, then simulated "
                + "with several replications. The mean's CI is a Student-t interval over the parameter sets' means; the 95% "
                + "uncertainty interval is the 2.5th to 97.5th percentile of those means. The variance of the sets' means is "
                + "split by the one-way ANOVA estimator of O'Hagan, Stevenson and Madan (2007): parameter variance = variance "
                + "of the sets' means − pooled within-set variance / replications (the correction for finite replications); "
                + "'% of variance from parameters' is the parameter part of the sets' means' variance. The probability of being "
                + "better is the share of parameter sets whose mean paired difference points the better way; a set whose two "
                + "means are equal (within a billionth of their size, to allow for rounding) is a tie, counted as neither; "
                + "with few replications per set, noise can move sets with a difference near zero across the line.");
        return h.build();
    }

    private static List<List<String>> table(List<PsaSummary.Row> rows, boolean differences) {
        List<List<String>> t = new ArrayList<>();
        for (PsaSummary.Row r : rows) {
            if (!Metrics.HEADLINE.contains(r.metric().name())) continue;
            List<String> row = new ArrayList<>(List.of(r.scenario(), r.metric().name(), Reports.round(r.mean()),
                    Reports.round(r.ciLow()) + " to " + Reports.round(r.ciHigh()),
                    Reports.round(r.uiLow()) + " to " + Reports.round(r.uiHigh()), Reports.round(r.split().pctParameters())));
            if (differences) {
                row.add(Reports.round(r.probBetter()));
                row.add(Reports.round(r.probWorse()));
                row.add(Reports.round(r.probTied()));
            }
            t.add(row);
        }
        return t;
    }
}
