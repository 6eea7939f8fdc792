package org.caseload.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.caseload.experiment.Experiment;
import org.caseload.report.Manifest;
import org.caseload.report.Numbers;
import org.caseload.report.OutputDirectory;
import org.caseload.report.RunFiles;
import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.ConfigNode;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.MapReader;
import org.caseload.scenario.ScalarNode;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioFiles;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.YamlTree;
import org.caseload.stats.ConfidenceInterval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caseload calibrate}: fits chosen parameters of a scenario to observed figures.
 * The objective is the sum over targets of ((simulated mean − target) / (tolerance ×
 * target))², every evaluation using the same seed (common random numbers, so the
 * objective is smooth enough for a derivative-free optimiser); commons-math3's Nelder–Mead
 * searches inside the bounds through a logistic transform.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit parameters of a scenario to observed figures listed in a targets file.",
                "Writes calibrated.yaml (the resolved scenario with the fitted values), calibration.csv "
                        + "(targets against simulated means with 95%% CIs), parameters.csv and manifest.json into DIR "
                        + "(default results/<name>-calibration/)."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "SCENARIO")
    Path file;

    @Option(names = "--targets", required = true, paramLabel = "FILE", description = "Targets file (see scenarios/targets/).")
    Path targetsFile;

    @Option(names = "--replications", paramLabel = "N", description = "Replications per evaluation (default: the targets file's, else 8).")
    Integer replications;

    @Option(names = "--max-evaluations", paramLabel = "M", defaultValue = "80",
            description = "Maximum objective evaluations (default ${DEFAULT-VALUE}).")
    int maxEvaluations;

    @Mixin
    ExecutionOptions execution = new ExecutionOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder.")
    Path out;

    record Target(String metric, double value, double tolerancePct) {
    }

    record Parameter(String path, double min, double max, double initial) {
    }

    @Override
    public Integer call() {
        execution.check();
        if (maxEvaluations < 5) throw new UserException("--max-evaluations must be at least 5");
        MapNode base = ScenarioFiles.resolve(file, List.of());
        Scenario scenario = ScenarioReader.read(base);
        MapReader r = MapReader.root(YamlTree.load(targetsFile, targetsFile.toString()));
        int fileReplications = r.integer("replications", 8);
        int reps = replications != null ? replications : fileReplications;
        if (reps < 2) throw new UserException("need at least 2 replications per evaluation");
        Set<String> known = new java.util.HashSet<>();
        Metrics.forPathways(scenario.pathways().keySet()).forEach(m -> known.add(m.name()));
        List<Target> targets = new ArrayList<>();
        for (ConfigNode n : r.list("targets")) {
            MapReader t = MapReader.of(n);
            String metric = t.string("metric");
            if (!known.contains(metric)) {
                t.fail("metric", "unknown metric '" + metric + "'" + org.caseload.scenario.Suggestions.closest(metric, known)
                        .map(x -> "; did you mean '" + x + "'?").orElse(""));
            }
            double value = t.number("value");
            double tol = t.number("tolerance_pct");
            if (!(tol > 0)) t.fail("tolerance_pct", "must be more than 0");
            t.string("source", "");
            t.finish();
            targets.add(new Target(metric, value, tol));
        }
        List<Parameter> params = new ArrayList<>();
        for (ConfigNode n : r.list("parameters")) {
            MapReader p = MapReader.of(n);
            String path = p.string("path");
            double min = p.number("min");
            double max = p.number("max");
            if (!(max > min)) p.fail("max", "must be more than min");
            p.finish();
            double initial = currentValue(base, path, p);
            if (initial < min || initial > max) p.fail("path", "the scenario's value " + initial + " is outside [min, max]");
            params.add(new Parameter(path, min, max, initial));
        }
        r.string("description", "");
        r.finish();
        if (targets.isEmpty() || params.isEmpty()) throw new UserException(targetsFile + ": needs at least one target and one parameter");
        PrintWriter o = spec.commandLine().getOut();
        Path dir = out != null ? out : Path.of("results", scenario.name() + "-calibration");
        List<Path> inputs = ScenarioOptions.inputFiles(List.of(file, targetsFile), List.of(new ScenarioReader.Loaded(scenario, base)));
        OutputDirectory.check(dir, inputs);

        int[] evaluations = {0};
        double[] best;
        try (Experiment e = new Experiment(execution.seed, execution.threads)) {
            ObjectiveFunction objective = new ObjectiveFunction(z -> {
                evaluations[0]++;
                double[] x = toBounded(z, params);
                double l = loss(targets, simulate(e, file, overrides(params, x), reps));
                if (l < bestLoss) {
                    bestLoss = l;
                    bestSeen = x;
                }
                return l;
            });
            double[] start = new double[params.size()];
            for (int i = 0; i < start.length; i++) start[i] = toUnbounded(params.get(i).initial(), params.get(i));
            SimplexOptimizer optimizer = new SimplexOptimizer(1e-4, 1e-6);
            try {
                optimizer.optimize(new MaxEval(maxEvaluations), objective, GoalType.MINIMIZE,
                        new InitialGuess(start), new NelderMeadSimplex(start.length, 0.6));
            } catch (org.apache.commons.math3.exception.TooManyEvaluationsException tooMany) {
                o.printf("stopped after --max-evaluations %d; keeping the best point seen%n", maxEvaluations);
            }
            best = bestSeen;
            List<String> fitted = overrides(params, best);
            ScenarioResult fit = simulate(e, file, fitted, Math.max(reps, 10));
            try (OutputDirectory od = OutputDirectory.open(dir, inputs, spec.commandLine().getErr())) {
                od.write(folder -> {
                    writeOutputs(folder, fitted, fit, targets, params, best);
                    new Manifest("calibrate", execution.seed, reps, execution.threads).scenario(scenario.name(), file.toString(), fitted,
                                    ScenarioFiles.resolve(file, fitted))
                            .put("targets_file", targetsFile.toString()).put("evaluations", evaluations[0])
                            .write(folder.resolve("manifest.json"));
                });
                od.commit();
            }
            o.printf("%d evaluations x %d replications; fitted:%n", evaluations[0], reps);
            for (int i = 0; i < params.size(); i++) {
                o.printf("  %s = %s (was %s)%n", params.get(i).path(), Numbers.format(best[i]), Numbers.format(params.get(i).initial()));
            }
            for (Target t : targets) {
                ConfidenceInterval ci = ConfidenceInterval.student(fit.values(t.metric()), 0.95);
                o.printf(Locale.ROOT, "  %s: target %s, simulated %.4g (95%% CI %.4g to %.4g)%n", t.metric(),
                        Numbers.format(t.value()), ci.mean(), ci.low(), ci.high());
            }
            o.printf("-> %s%n", dir);
        }
        o.flush();
        return 0;
    }

    private double bestLoss = Double.POSITIVE_INFINITY;
    private double[] bestSeen;

    private double loss(List<Target> targets, ScenarioResult r) {
        double sum = 0;
        for (Target t : targets) {
            double mean = ConfidenceInterval.student(r.values(t.metric()), 0.95).mean();
            double scale = Math.abs(t.value()) * t.tolerancePct() / 100;
            double z = (mean - t.value()) / scale;
            sum += z * z;
        }
        return sum;
    }

    private ScenarioResult simulate(Experiment e, Path scenarioFile, List<String> sets, int reps) {
        Scenario s = ScenarioReader.read(ScenarioFiles.resolve(scenarioFile, sets));
        return e.run(s, reps);
    }

    private List<String> overrides(List<Parameter> params, double[] values) {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) sets.add(params.get(i).path() + "=" + values[i]);
        return sets;
    }

    /** Logistic map from the optimiser's unbounded space into [min, max]. */
    private double[] toBounded(double[] z, List<Parameter> params) {
        double[] x = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            Parameter p = params.get(i);
            x[i] = p.min() + (p.max() - p.min()) / (1 + Math.exp(-z[i]));
        }
        return x;
    }

    private static double toUnbounded(double x, Parameter p) {
        double f = (x - p.min()) / (p.max() - p.min());
        f = Math.min(1 - 1e-6, Math.max(1e-6, f));
        return Math.log(f / (1 - f));
    }

    private static double currentValue(MapNode tree, String path, MapReader at) {
        ConfigNode n = tree;
        for (String part : path.split("\\.")) {
            if (n instanceof MapNode m && m.get(part) != null) {
                n = m.get(part);
            } else if (n instanceof org.caseload.scenario.ListNode l && part.matches("\\d+") && Integer.parseInt(part) < l.items().size()) {
                n = l.items().get(Integer.parseInt(part));
            } else {
                at.fail("path", "no value at '" + path + "' in the scenario");
            }
        }
        if (!(n instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.NUMBER) {
            at.fail("path", "'" + path + "' is not a number in the scenario");
            throw new AssertionError();
        }
        return Double.parseDouble(s.text());
    }

    private void writeOutputs(Path dir, List<String> fitted, ScenarioResult fit, List<Target> targets,
                              List<Parameter> params, double[] best) {
        try {
            JsonNode tree = ScenarioFiles.resolve(file, fitted).toJson();
            YAMLMapper yaml = new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            StringBuilder header = new StringBuilder("# Calibrated from " + file + " with caseload calibrate --targets "
                    + targetsFile + " (seed " + execution.seed + ").\n# Fitted parameters:\n");
            for (int i = 0; i < params.size(); i++) {
                header.append("#   ").append(params.get(i).path()).append(": ").append(Numbers.format(params.get(i).initial()))
                        .append(" -> ").append(Numbers.format(best[i])).append('\n');
            }
            header.append("# See calibration.csv for the targets against the simulated figures.\n");
            Files.writeString(dir.resolve("calibrated.yaml"), header + yaml.writeValueAsString(tree), StandardCharsets.UTF_8);
            try (CSVPrinter p = RunFiles.printer(dir.resolve("calibration.csv"), "metric", "target", "tolerance_pct",
                    "simulated_mean", "ci_low", "ci_high", "n", "within_tolerance")) {
                for (Target t : targets) {
                    ConfidenceInterval ci = ConfidenceInterval.student(fit.values(t.metric()), 0.95);
                    double tol = Math.abs(t.value()) * t.tolerancePct() / 100;
                    p.printRecord(t.metric(), Numbers.format(t.value()), Numbers.format(t.tolerancePct()), Numbers.format(ci.mean()),
                            Numbers.format(ci.low()), Numbers.format(ci.high()), ci.n(), Math.abs(ci.mean() - t.value()) <= tol);
                }
            }
            try (CSVPrinter p = RunFiles.printer(dir.resolve("parameters.csv"), "path", "initial", "calibrated", "min", "max")) {
                for (int i = 0; i < params.size(); i++) {
                    Parameter pa = params.get(i);
                    p.printRecord(pa.path(), Numbers.format(pa.initial()), Numbers.format(best[i]), Numbers.format(pa.min()),
                            Numbers.format(pa.max()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
