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
import org.caseload.analysis.Morris;
import org.caseload.analysis.SobolIndices;
import org.caseload.analysis.Tornado;
import org.caseload.results.Metrics;
import org.caseload.scenario.UncertainParameter;

/** The files of {@code caseload sensitivity}: tornado.csv, morris.csv or sobol.csv, charts and the report. */
public final class SensitivityReport {
    private static final int WIDTH = 900;

    private SensitivityReport() {
    }

    public record Info(String command, long seed, String scenario, String method, int replications, String design,
                       List<UncertainParameter> parameters, List<String> findings) {
    }

    public static void writeTornado(Path file, List<Tornado.Row> rows) {
        try (CSVPrinter p = RunFiles.printer(file, "metric", "rank", "parameter", "low_value", "high_value", "base_mean",
                "low_diff", "low_ci_low", "low_ci_high", "high_diff", "high_ci_low", "high_ci_high", "swing", "swing_ci_low",
                "swing_ci_high")) {
            String metric = null;
            int rank = 0;
            for (Tornado.Row r : rows) {
                rank = r.metric().name().equals(metric) ? rank + 1 : 1;
                metric = r.metric().name();
                p.printRecord(metric, rank, r.parameter().path(), Numbers.format(r.lowValue()), Numbers.format(r.highValue()),
                        Numbers.format(r.base()), Numbers.format(r.low().mean()), Numbers.format(r.low().low()),
                        Numbers.format(r.low().high()), Numbers.format(r.high().mean()), Numbers.format(r.high().low()),
                        Numbers.format(r.high().high()), Numbers.format(r.swing().mean()), Numbers.format(r.swing().low()),
                        Numbers.format(r.swing().high()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeMorris(Path file, List<Morris.Row> rows) {
        try (CSVPrinter p = RunFiles.printer(file, "metric", "parameter", "mu", "mu_star", "mu_star_ci_low", "mu_star_ci_high",
                "sigma", "trajectories")) {
            for (Morris.Row r : rows) {
                p.printRecord(r.metric().name(), r.parameter().path(), Numbers.format(r.mu()), Numbers.format(r.muStar()),
                        Numbers.format(r.muStarLow()), Numbers.format(r.muStarHigh()), Numbers.format(r.sigma()), r.trajectories());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeSobol(Path file, List<SobolIndices.Row> rows) {
        try (CSVPrinter p = RunFiles.printer(file, "metric", "parameter", "first_order", "first_order_ci_low",
                "first_order_ci_high", "total", "total_ci_low", "total_ci_high", "base_samples")) {
            for (SobolIndices.Row r : rows) {
                SobolIndices.Index x = r.index();
                p.printRecord(r.metric().name(), r.parameter().path(), Numbers.format(x.first()), Numbers.format(x.firstLow()),
                        Numbers.format(x.firstHigh()), Numbers.format(x.total()), Numbers.format(x.totalLow()),
                        Numbers.format(x.totalHigh()), r.baseSamples());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Short labels for charts: the fewest trailing parts of each path (at least two, e.g.
     * {@code caseload_pressure.completion}) that tell the parameters apart.
     */
    static String label(UncertainParameter p, List<UncertainParameter> all) {
        String[] parts = p.path().split("\\.");
        for (int k = Math.min(2, parts.length); k <= parts.length; k++) {
            String l = tail(parts, k);
            int k2 = k;
            long same = all.stream().filter(o -> {
                String[] op = o.path().split("\\.");
                return op.length >= k2 && tail(op, k2).equals(l);
            }).count();
            if (same == 1) return l;
        }
        return p.path();
    }

    private static String tail(String[] parts, int k) {
        return String.join(".", java.util.Arrays.copyOfRange(parts, parts.length - k, parts.length));
    }

    private static Path chartDir(Path dir) {
        Path c = dir.resolve("charts");
        try {
            Files.createDirectories(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    public static Map<String, byte[]> tornadoCharts(Path dir, List<Tornado.Row> rows, List<UncertainParameter> params) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : Metrics.HEADLINE) {
            List<AnalysisCharts.Bar> bars = new ArrayList<>();
            String unit = "";
            for (Tornado.Row r : rows) {
                if (!r.metric().name().equals(name)) continue;
                unit = r.metric().unit();
                bars.add(new AnalysisCharts.Bar(label(r.parameter(), params), "at 2.5th percentile", r.low().mean(), r.low().halfWidth()));
                bars.add(new AnalysisCharts.Bar(label(r.parameter(), params), "at 97.5th percentile", r.high().mean(), r.high().halfWidth()));
            }
            if (bars.isEmpty()) continue;
            byte[] png = Charts.write(AnalysisCharts.intervalBars("Tornado: " + name, "change from the scenario's value ("
                    + unit + ")", bars), chartDir(dir).resolve("tornado_" + name), WIDTH, 140 + 44 * bars.size() / 2);
            out.put(name + ": change when each parameter is at the 2.5th and 97.5th percentile of its distribution (others at "
                    + "their scenario values), ranked by swing, with paired 95% CIs.", png);
        }
        return out;
    }

    public static Map<String, byte[]> morrisCharts(Path dir, List<Morris.Row> rows, List<UncertainParameter> params) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : Metrics.HEADLINE) {
            List<String> labels = new ArrayList<>();
            List<Double> mu = new ArrayList<>();
            List<Double> sigma = new ArrayList<>();
            String unit = "";
            for (Morris.Row r : rows) {
                if (!r.metric().name().equals(name)) continue;
                unit = r.metric().unit();
                labels.add(label(r.parameter(), params));
                mu.add(r.muStar());
                sigma.add(r.sigma());
            }
            if (labels.isEmpty()) continue;
            byte[] png = Charts.write(AnalysisCharts.morris("Morris screening: " + name, unit, labels,
                    mu.stream().mapToDouble(Double::doubleValue).toArray(), sigma.stream().mapToDouble(Double::doubleValue).toArray()),
                    chartDir(dir).resolve("morris_" + name), WIDTH, 560);
            out.put(name + ": Morris mu* (influence) against sigma (interaction or non-linearity), per the parameter's "
                    + "central 95% range.", png);
        }
        return out;
    }

    public static Map<String, byte[]> sobolCharts(Path dir, List<SobolIndices.Row> rows, List<UncertainParameter> params) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : Metrics.HEADLINE) {
            List<String> labels = new ArrayList<>();
            List<AnalysisCharts.Estimate> est = new ArrayList<>();
            for (SobolIndices.Row r : rows) {
                if (!r.metric().name().equals(name)) continue;
                String l = label(r.parameter(), params);
                labels.add(l);
                SobolIndices.Index x = r.index();
                est.add(new AnalysisCharts.Estimate(l, "first order", x.first(), x.firstLow(), x.firstHigh()));
                est.add(new AnalysisCharts.Estimate(l, "total", x.total(), x.totalLow(), x.totalHigh()));
            }
            if (labels.isEmpty() || est.stream().allMatch(e -> Double.isNaN(e.value()))) continue;
            byte[] png = Charts.write(AnalysisCharts.estimates("Sobol indices: " + name, "share of variance", labels, est),
                    chartDir(dir).resolve("sobol_" + name), WIDTH, 620);
            out.put(name + ": Sobol first-order and total indices with bootstrap 95% intervals.", png);
        }
        return out;
    }

    public static String html(Info info, List<List<String>> table, List<String> header, Map<String, byte[]> charts, String method) {
        HtmlReport h = new HtmlReport().title("caseload sensitivity (" + info.method() + "): " + info.scenario());
        h.heading("In plain words");
        h.bullets(info.findings());
        h.heading("What was run");
        Map<String, String> run = new LinkedHashMap<>();
        run.put("Command", info.command());
        run.put("Seed", String.valueOf(info.seed()));
        run.put("Design", info.design());
        run.put("Replications per point", String.valueOf(info.replications()));
        run.put("Random numbers", "common random numbers: every design point runs the same replications on the same streams");
        h.definitionList(run);
        List<List<String>> params = new ArrayList<>();
        for (UncertainParameter p : info.parameters()) {
            params.add(List.of(p.path(), Reports.round(p.value()), p.distribution().describe(),
                    Reports.round(p.distribution().quantile(0.025)) + " to " + Reports.round(p.distribution().quantile(0.975)), p.source()));
        }
        h.heading("Uncertain parameters");
        h.table(List.of("parameter", "scenario value", "distribution", "central 95%", "source"), params);
        h.heading("Results");
        h.table(header, table);
        charts.forEach(h::chart);
        h.heading("Method");
        h.paragraph(method);
        return h.build();
    }
}
