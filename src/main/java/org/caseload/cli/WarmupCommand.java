package org.caseload.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import org.caseload.experiment.Experiment;
import org.caseload.fault.FileFaults;
import org.caseload.report.Charts;
import org.caseload.report.Manifest;
import org.caseload.report.Numbers;
import org.caseload.report.OutputDirectory;
import org.caseload.report.RunFiles;
import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.Mser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caseload warmup}: runs a scenario from an empty system (no initial caseload, no
 * warm-up, no budget changes) and reports the MSER-5 truncation point of the monthly
 * headline series, with a Welch plot for each, to choose {@code warmup_months}.
 */
@Command(name = "warmup", mixinStandardHelpOptions = true,
        description = {"Run a scenario from empty and suggest a warm-up: MSER-5 truncation of the monthly mean series "
                + "(averaged over replications) and a Welch plot per headline series.",
                "Writes warmup.csv, welch.csv, charts/welch_*.png|svg and manifest.json into DIR (default results/<name>-warmup/)."})
final class WarmupCommand implements Callable<Integer> {
    private static final List<String> SERIES = List.of(Metrics.M_IN_TREATMENT, Metrics.M_WAITING_LIST, Metrics.M_CASELOAD_PER_WORKER);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "SCENARIO")
    Path file;

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Option(names = "--months", paramLabel = "M", description = "Months to simulate from empty (default: the scenario's warm-up plus horizon).")
    Integer months;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "20", description = "Replications (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--window", paramLabel = "W", defaultValue = "6",
            description = "Welch moving-average half-window in months (default ${DEFAULT-VALUE}).")
    int window;

    @Mixin
    ExecutionOptions execution = new ExecutionOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() {
        if (replications < 2) throw new UserException("--replications must be at least 2");
        execution.check();
        if (window < 0) throw new UserException("--window must be 0 or more");
        ScenarioReader.Loaded loaded = scenarioOptions.load(List.of(file)).get(0);
        Scenario s = loaded.scenario();
        int m = months != null ? months : s.warmupMonths() + s.horizonMonths();
        if (m < 10) throw new UserException("--months must be at least 10 (MSER-5 needs several 5-month batches)");
        Path dir = out != null ? out : Path.of("results", s.name() + "-warmup");
        List<Path> inputs = ScenarioOptions.inputFiles(List.of(file), List.of(loaded));
        OutputDirectory.check(dir, inputs);
        Scenario empty = fromEmpty(s, m);
        ScenarioResult result;
        try (Experiment e = new Experiment(execution.seed, execution.threads)) {
            result = e.run(empty, replications);
        }
        Map<String, double[]> means = new LinkedHashMap<>();
        Map<String, Integer> truncation = new LinkedHashMap<>();
        for (String series : SERIES) {
            double[] mean = new double[m];
            for (int i = 0; i < m; i++) {
                double[] v = RunFiles.monthlyValues(result, series, i);
                for (double x : v) mean[i] += x / v.length;
            }
            means.put(series, mean);
            truncation.put(series, Mser.truncationPoint(mean, 5));
        }
        int suggested = truncation.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        try (OutputDirectory od = OutputDirectory.open(dir, inputs, spec.commandLine().getErr())) {
            Files.createDirectories(od.path().resolve("charts"));
            try (CSVPrinter p = RunFiles.printer(od.path().resolve("warmup.csv"), "scenario", "metric", "mser5_truncation_month")) {
                for (var t : truncation.entrySet()) p.printRecord(s.name(), t.getKey(), t.getValue());
            }
            try (CSVPrinter p = RunFiles.printer(od.path().resolve("welch.csv"), "scenario", "month", "metric", "mean",
                    "moving_average")) {
                for (String series : SERIES) {
                    double[] ma = movingAverage(means.get(series), window);
                    for (int i = 0; i < m; i++) {
                        p.printRecord(s.name(), i + 1, series, Numbers.format(means.get(series)[i]), Numbers.format(ma[i]));
                    }
                    Charts.write(Charts.welchPlot("Welch plot: " + series.replace('_', ' ') + " from an empty system",
                                    unit(series), ma, truncation.get(series)),
                            od.path().resolve("charts").resolve("welch_" + series), 900, 480);
                }
            }
            new Manifest("warmup", execution.seed, replications, execution.threads)
                    .scenario(s.name(), file.toString(), scenarioOptions.overrides, loaded.tree())
                    .put("months_from_empty", m).put("suggested_warmup_months", suggested)
                    .write(od.path().resolve("manifest.json"));
            od.commit();
        } catch (IOException e) {
            throw FileFaults.of("cannot write results to", dir, e);
        } catch (UncheckedIOException e) {
            throw FileFaults.of("cannot write results to", dir, e.getCause());
        }
        PrintWriter o = spec.commandLine().getOut();
        int limit = (m / 5) / 2 * 5;
        truncation.forEach((k, v) -> o.printf("%s: MSER-5 truncation at month %d%s%n", k, v,
                v >= limit ? " (the search limit, half the run: the series has not settled)" : ""));
        o.printf("Suggested warmup_months: %d (the largest). If the series still drift near month %d, the system has "
                + "not settled: simulate longer (--months) or start from an initial caseload. -> %s%n", suggested, m, dir);
        o.flush();
        return 0;
    }

    /** The scenario simulated from empty for {@code months}, without budget changes. */
    static Scenario fromEmpty(Scenario s, int months) {
        Scenario.Budget b = s.budget();
        return s.withRun(months, 0, Map.of(), new Scenario.Budget(Double.NaN, b.overheadsPerYearGbp(), List.of(), b.rule(), b.protect()));
    }

    /** Welch's centred moving average, with the window shrinking near the start. */
    static double[] movingAverage(double[] x, int w) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int h = Math.min(w, Math.min(i, x.length - 1 - i));
            double sum = 0;
            for (int j = i - h; j <= i + h; j++) sum += x[j];
            out[i] = sum / (2 * h + 1);
        }
        return out;
    }

    private static String unit(String series) {
        for (var m : Metrics.MONTHLY) if (m.name().equals(series)) return m.unit();
        return "";
    }
}
