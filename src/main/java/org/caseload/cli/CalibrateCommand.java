package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.caseload.api.OutputLock;
import org.caseload.experiment.Calibration;
import org.caseload.experiment.Experiment;
import org.caseload.results.Metrics;
import org.caseload.report.CalibrationFiles;
import org.caseload.report.Manifest;
import org.caseload.report.Numbers;
import org.caseload.report.OutputDirectory;
import org.caseload.scenario.CalibrationTargets;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.ConfidenceInterval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caseload calibrate}: fits chosen parameters of a scenario to observed figures
 * ({@link Calibration}); this class reads the options, writes the output folder and prints the outcome.
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

    @Override
    @SuppressWarnings("try") // the output lock is held by the try, not used in it
    public Integer call() {
        execution.check();
        if (maxEvaluations < 5) throw new UserException("--max-evaluations must be at least 5");
        if (replications != null && replications < 2) throw new UserException("need at least 2 replications per evaluation");
        ScenarioReader.Loaded loaded = ScenarioReader.load(file, List.of());
        Scenario scenario = loaded.scenario();
        Set<String> known = new HashSet<>();
        Metrics.forPathways(scenario.pathways().keySet()).forEach(m -> known.add(m.name()));
        CalibrationTargets targets = CalibrationTargets.read(targetsFile, file, known);
        int reps = replications != null ? replications : targets.replications();
        PrintWriter o = spec.commandLine().getOut();
        Path dir = out != null ? out : Path.of("results", scenario.name() + "-calibration");
        List<Path> inputs = ScenarioOptions.inputFiles(List.of(file, targetsFile), List.of(loaded));
        OutputDirectory.check(dir, inputs);
        Calibration.Result result;
        // Held from before simulating (refused at once while another caseload writes the folder) until committed.
        try (OutputLock lock = OutputLock.take(dir)) {
            try (Experiment e = execution.experiment()) {
                result = Calibration.run(e, file, targets, reps, maxEvaluations);
            }
            if (result.stoppedAtMax()) o.printf("stopped after --max-evaluations %d; keeping the best point seen%n", maxEvaluations);
            try (OutputDirectory od = OutputDirectory.open(dir, inputs, spec.commandLine().getErr())) {
                od.write(folder -> {
                    CalibrationFiles.write(folder, file, targetsFile, execution.seed, targets, result);
                    new Manifest("calibrate", execution.seed, reps, execution.threads).scenario(scenario.name(), file.toString(),
                                    result.fitted(), Calibration.trial(file, result.fitted()))
                            .put("targets_file", targetsFile.toString()).put("evaluations", result.evaluations())
                            .write(folder.resolve("manifest.json"));
                });
                od.commit();
            }
        }
        o.printf("%d evaluations x %d replications; fitted:%n", result.evaluations(), reps);
        for (int i = 0; i < targets.parameters().size(); i++) {
            CalibrationTargets.Parameter p = targets.parameters().get(i);
            o.printf("  %s = %s (was %s)%s%n", p.path(), Numbers.format(result.best()[i]), Numbers.format(p.initial()),
                    CalibrationFiles.wholeNote(p));
        }
        for (CalibrationTargets.Target t : targets.targets()) {
            ConfidenceInterval ci = ConfidenceInterval.student(result.fit().values(t.metric()), 0.95);
            o.printf(Locale.ROOT, "  %s: target %s, simulated %.4g (95%% CI %.4g to %.4g)%n", t.metric(),
                    Numbers.format(t.value()), ci.mean(), ci.low(), ci.high());
        }
        o.printf("-> %s%n", dir);
        o.flush();
        return 0;
    }
}
