package org.caseload.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.api.OutputLock;
import org.caseload.experiment.Experiment;
import org.caseload.experiment.WarmupAnalysis;
import org.caseload.fault.FileFaults;
import org.caseload.report.Manifest;
import org.caseload.report.OutputDirectory;
import org.caseload.report.WarmupFiles;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
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
    @SuppressWarnings("try") // the output lock is held by the try, not used in it
    public Integer call() {
        if (replications < 2) throw new UserException("--replications must be at least 2");
        execution.check();
        if (window < 0) throw new UserException("--window must be 0 or more");
        if (months != null) WarmupAnalysis.checkMonths(months, "--months");
        ScenarioReader.Loaded loaded = scenarioOptions.load(List.of(file)).get(0);
        Scenario s = loaded.scenario();
        int m = months != null ? months : s.warmupMonths() + s.horizonMonths();
        WarmupAnalysis.checkMonths(m, months != null ? "--months" : "the scenario's warmup_months + horizon_months (--months)");
        Path dir = out != null ? out : Path.of("results", s.name() + "-warmup");
        List<Path> inputs = ScenarioOptions.inputFiles(List.of(file), List.of(loaded));
        OutputDirectory.check(dir, inputs);
        WarmupAnalysis.Result result;
        // Held from before simulating (refused at once while another caseload writes the folder) until committed.
        try (OutputLock lock = OutputLock.take(dir)) {
            try (Experiment e = execution.experiment()) {
                result = WarmupAnalysis.run(e, s, m, replications);
            }
            try (OutputDirectory od = OutputDirectory.open(dir, inputs, spec.commandLine().getErr())) {
                WarmupFiles.write(od.path(), s.name(), result, window);
                new Manifest("warmup", execution.seed, replications, execution.threads)
                        .scenario(s.name(), file.toString(), scenarioOptions.overrides, loaded.tree())
                        .put("months_from_empty", m).put("suggested_warmup_months", result.suggested())
                        .write(od.path().resolve("manifest.json"));
                od.commit();
            } catch (UncheckedIOException e) {
                throw FileFaults.of("cannot write results to", dir, e.getCause());
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        int limit = result.searchLimit();
        result.truncation().forEach((k, v) -> o.printf("%s: MSER-5 truncation at month %d%s%n", k, v,
                v >= limit ? " (the search limit, half the run: the series has not settled)" : ""));
        o.printf("Suggested warmup_months: %d (the largest). If the series still drift near month %d, the system has "
                + "not settled: simulate longer (--months) or start from an initial caseload. -> %s%n", result.suggested(), m, dir);
        o.flush();
        return 0;
    }
}
