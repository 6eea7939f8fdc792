package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseload.analysis.AnalysisMetrics;
import org.caseload.batch.BatchSpec;
import org.caseload.analysis.ParameterSampler;
import org.caseload.analysis.Psa;
import org.caseload.analysis.PsaSummary;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.report.Manifest;
import org.caseload.report.OutputDirectory;
import org.caseload.report.PsaReport;
import org.caseload.report.Reports;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.UncertainParameter;
import org.caseload.scenario.UncertaintyReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caseload psa}: probabilistic sensitivity analysis by two-level Monte Carlo. */
@Command(name = "psa", mixinStandardHelpOptions = true,
        description = {"Probabilistic sensitivity analysis: draw parameter sets from the first scenario's uncertainty "
                + "section (Latin hypercube or randomised Sobol points), simulate every scenario with each set on common "
                + "random numbers, and split the variance into parameter uncertainty and simulation noise.",
                "Writes psa.csv (per sample, scenario and metric: the parameter values, mean and standard error), "
                        + "psa_summary.csv, psa_differences.csv (alternatives against the first scenario), manifest.json, "
                        + "charts/ and report.html into DIR (default results/<first>-psa/ or results/<first>-vs-<second>-psa/)."})
final class PsaCommand extends AnalysisBatch.Command {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO",
            description = "Scenarios; the first is the baseline of the comparisons (none with --resume).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "K", defaultValue = "64", description = "Parameter sets (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--replications", paramLabel = "R", defaultValue = "10",
            description = "Replications per parameter set (default ${DEFAULT-VALUE}; at least 2, to measure noise).")
    int replications;

    @Option(names = "--sampling", paramLabel = "lhs|sobol", defaultValue = "lhs",
            description = "Latin hypercube (lhs, default) or randomised Sobol points (sobol; --samples a power of two).")
    String sampling;

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Override
    ScenarioOptions scenarioOptions() {
        return scenarioOptions;
    }

    @Mixin
    Progress.QuietOption quiet = new Progress.QuietOption();

    @Mixin
    ExecutionOptions execution = new ExecutionOptions();

    /** The options that define the design besides scenarios, --set, --seed and --replications: a shard records them. */
    List<String> design() {
        return List.of("--samples", String.valueOf(samples), "--sampling", sampling);
    }

    @Override
    public Integer call() {
        execution.check();
        if (batch.check(out, !files.isEmpty())) return batch.resume(new PsaCommand(), spec, "psa", execution.threads, quiet.quiet);
        if (samples < 2) throw new UserException("--samples must be at least 2 (got " + samples + ")");
        if (replications < 2) throw new UserException("--replications must be at least 2 (got " + replications + ")");
        ParameterSampler.Method method = AnalysisOptions.method(sampling, samples);
        List<ScenarioReader.Loaded> loaded = scenarioOptions.loadCompared(files);
        List<Scenario> scenarios = loaded.stream().map(ScenarioReader.Loaded::scenario).toList();
        ScenarioReader.requireDistinctNames(loaded, files);
        List<UncertainParameter> params = AnalysisOptions.sharedParameters(loaded, files);
        List<Metric> metrics = AnalysisMetrics.of(scenarios);
        String first = scenarios.get(0).name();
        Path dir = out != null ? out : Path.of("results", first + (scenarios.size() > 1 ? "-vs-" + scenarios.get(1).name() : "") + "-psa");
        List<Psa.Input> inputs = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) inputs.add(new Psa.Input(scenarios.get(i).name(), loaded.get(i).tree()));
        int items = scenarios.size() * samples * replications;
        BatchSpec record = BatchSpec.of("psa", files, loaded, scenarioOptions.overrides, execution.seed, replications, Double.NaN,
                false, batch.slice(), design(), items);
        return batch.execute(spec, record, dir, scenarioOptions.inputsOf(files, loaded), execution, "psa", quiet.quiet,
                (streams, evaluator, done) -> Psa.run(inputs, params, method, samples, replications, metrics, streams, evaluator, done),
                (od, psa, wall) -> write(od, psa, loaded, method, wall, spec.commandLine().getOut()));
    }

    private void write(OutputDirectory od, Psa psa, List<ScenarioReader.Loaded> loaded, ParameterSampler.Method method,
                       double wall, PrintWriter stdout) {
        String first = psa.scenarios().get(0);
        List<PsaSummary.Row> rows = PsaSummary.scenarioRows(psa);
        List<PsaSummary.Row> diffs = PsaSummary.differenceRows(psa);
        List<String> findings = findings(psa, rows, diffs);
        od.write(dir -> {
            PsaReport.writeSamples(dir.resolve("psa.csv"), psa);
            PsaReport.writeSummary(dir.resolve("psa_summary.csv"), rows, null);
            if (!diffs.isEmpty()) PsaReport.writeSummary(dir.resolve("psa_differences.csv"), diffs, first);
            // No thread count or clock reading: the same design gives the same bytes, sharded and merged included.
            Manifest m = new Manifest("psa", execution.seed, replications)
                    .put("samples", samples).put("sampling", method.name().toLowerCase(Locale.ROOT));
            for (int i = 0; i < loaded.size(); i++) {
                m.scenario(psa.scenarios().get(i), files.get(i).toString(), scenarioOptions.overrides, loaded.get(i).tree());
            }
            m.write(dir.resolve("manifest.json"));
            Map<String, byte[]> charts = PsaReport.charts(dir, psa, diffs);
            String command = "caseload psa " + String.join(" ", files.stream().map(Path::toString).toList()) + " --samples "
                    + samples + " --replications " + replications + " --sampling " + sampling;
            RunCommand.write(dir.resolve("report.html"), PsaReport.html(new PsaReport.Info(command, execution.seed,
                    method == ParameterSampler.Method.LHS ? "Latin hypercube" : "randomised Sobol points", replications, findings),
                    psa, rows, diffs, charts));
        });
        od.commit();
        for (String f : findings) stdout.println(f);
        stdout.printf("%d scenario(s) x %d parameter sets x %d replications in %.1f s -> %s%n", psa.scenarios().size(), samples,
                replications, wall, od.requested());
        stdout.flush();
    }

    /** Plain-words lines: per headline metric, the uncertainty and (for alternatives) the probability of being better or worse. */
    static List<String> findings(Psa psa, List<PsaSummary.Row> rows, List<PsaSummary.Row> diffs) {
        List<String> out = new ArrayList<>();
        int k = psa.samples();
        for (PsaSummary.Row r : diffs) {
            if (!Metrics.HEADLINE.contains(r.metric().name())) continue;
            boolean neutral = r.metric().direction() == org.caseload.results.Direction.NEUTRAL;
            String tied = r.probTied() > 0 ? ", equal in " + Reports.round(r.probTied()) + "%" : "";
            out.add(String.format(Locale.ROOT, "%s vs %s: %s is %s in %s%% of %d parameter sets%s (mean difference %s, 95%% "
                            + "uncertainty interval %s to %s; parameters explain %s%% of its variance)", r.scenario(),
                    psa.scenarios().get(0), r.metric().name(), neutral ? "lower" : "worse", Reports.round(r.probWorse()), k,
                    tied, Reports.round(r.mean()), Reports.round(r.uiLow()), Reports.round(r.uiHigh()),
                    Reports.round(r.split().pctParameters())));
        }
        if (diffs.isEmpty()) {
            for (PsaSummary.Row r : rows) {
                if (!Metrics.HEADLINE.contains(r.metric().name())) continue;
                out.add(String.format(Locale.ROOT, "%s: %s %s (95%% CI %s to %s; 95%% uncertainty interval %s to %s; "
                                + "parameters explain %s%% of the variance of the sets' means)", r.scenario(), r.metric().name(),
                        Reports.round(r.mean()), Reports.round(r.ciLow()), Reports.round(r.ciHigh()), Reports.round(r.uiLow()),
                        Reports.round(r.uiHigh()), Reports.round(r.split().pctParameters())));
            }
        }
        return out;
    }
}
