package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseload.analysis.AnalysisMetrics;
import org.caseload.analysis.Evaluator;
import org.caseload.analysis.Morris;
import org.caseload.analysis.ParameterSampler;
import org.caseload.analysis.Sensitivity;
import org.caseload.analysis.SobolIndices;
import org.caseload.analysis.Tornado;
import org.caseload.api.OutputLock;
import org.caseload.engine.RandomStreams;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.report.Manifest;
import org.caseload.report.OutputDirectory;
import org.caseload.report.SensitivityReport;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.UncertainParameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caseload sensitivity}: tornado, Morris screening or Sobol indices over the scenario's uncertain parameters. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Which uncertain parameters matter: tornado (each at its 2.5th and 97.5th percentile), Morris "
                + "elementary effects (mu*, sigma) or Sobol first-order and total indices (Saltelli/Jansen, bootstrap CIs), "
                + "over the parameters of the scenario's uncertainty section, every point on common random numbers.",
                "Writes tornado.csv, morris.csv or sobol.csv, manifest.json, charts/ and report.html into DIR "
                        + "(default results/<scenario>-<method>/)."})
final class SensitivityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario with an uncertainty section.")
    Path file;

    @Option(names = "--method", required = true, paramLabel = "tornado|morris|sobol", description = "The analysis.")
    String method;

    @Option(names = "--replications", paramLabel = "R",
            description = "Replications per design point (default 10 for tornado, 2 for morris and sobol; at least 2).")
    Integer replications;

    @Option(names = "--trajectories", paramLabel = "T", defaultValue = "10",
            description = "Morris trajectories (default ${DEFAULT-VALUE}); (parameters + 1) points each.")
    int trajectories;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "32",
            description = "Sobol base samples, a power of two (default ${DEFAULT-VALUE}); N x (parameters + 2) points.")
    int samples;

    /** Most bootstrap resamples: far past where the intervals stop changing, and within memory. */
    static final int MAX_BOOTSTRAP = 100_000;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples for the Morris and Sobol intervals (default ${DEFAULT-VALUE}; 100 to 100000).")
    int bootstrap;

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Mixin
    Progress.QuietOption quiet = new Progress.QuietOption();

    @Mixin
    ExecutionOptions execution = new ExecutionOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    @SuppressWarnings("try") // the output lock is held by the try, not used in it
    public Integer call() {
        execution.check();
        String m = method.toLowerCase(Locale.ROOT);
        if (!List.of("tornado", "morris", "sobol").contains(m)) {
            throw new UserException("--method must be tornado, morris or sobol (got '" + method + "')");
        }
        int reps = replications != null ? replications : m.equals("tornado") ? 10 : 2;
        if (reps < 2) throw new UserException("--replications must be at least 2 (got " + reps + ")");
        if (trajectories < 2) throw new UserException("--trajectories must be at least 2 (got " + trajectories + ")");
        if (samples < 2 || Integer.bitCount(samples) != 1) {
            throw new UserException("--samples must be a power of two, at least 2 (got " + samples + ")");
        }
        if (bootstrap < 100 || bootstrap > MAX_BOOTSTRAP) {
            throw new UserException("--bootstrap must be 100 to " + MAX_BOOTSTRAP + " (got " + bootstrap + ")");
        }
        ScenarioReader.Loaded loaded = scenarioOptions.load(List.of(file)).get(0);
        String name = loaded.scenario().name();
        List<UncertainParameter> params = AnalysisOptions.sharedParameters(List.of(loaded), List.of(file));
        List<Metric> metrics = AnalysisMetrics.of(List.of(loaded.scenario()));
        int d = params.size();
        long design = switch (m) {
            case "tornado" -> 2L * d + 1;
            case "morris" -> (long) trajectories * (d + 1);
            default -> (long) samples * (d + 2);
        };
        // Refused before anything runs, as psa does: a typo of a few digits would otherwise end in out-of-memory.
        if (design * reps > Integer.MAX_VALUE / 2) {
            throw new UserException(String.format(Locale.ROOT, "%,d design points x %d replications is too large; lower "
                    + "--trajectories or --samples, or --replications", design, reps));
        }
        int points = (int) design;
        Path dir = out != null ? out : Path.of("results", name + "-" + m);
        PrintWriter stdout = spec.commandLine().getOut();
        // The output folder is checked and prepared before any simulation, as for run, and held by
        // this process (refused while another caseload writes it) until it is committed.
        try (OutputDirectory od = OutputDirectory.open(dir, ScenarioOptions.inputFiles(List.of(file), List.of(loaded)),
                spec.commandLine().getErr()); OutputLock lock = OutputLock.take(dir)) {
            analyse(od, m, reps, loaded, params, metrics, points, stdout);
        }
        return 0;
    }

    private void analyse(OutputDirectory od, String m, int reps, ScenarioReader.Loaded loaded, List<UncertainParameter> params,
                         List<Metric> metrics, int points, PrintWriter stdout) {
        String name = loaded.scenario().name();
        int d = params.size();
        RandomStreams streams = RandomStreams.fromSeed(execution.seed);
        long t0 = System.nanoTime();
        Object rows;
        try (Evaluator evaluator = new Evaluator(streams, execution.threads, execution.maxEvents)) {
            Progress progress = new Progress(spec.commandLine().getErr(), name + " " + m, points * reps, quiet.quiet);
            Sensitivity.Setup setup = new Sensitivity.Setup(name, loaded.tree(), params, metrics, reps, evaluator, progress::step);
            switch (m) {
                case "tornado" -> rows = Tornado.run(setup);
                case "morris" -> rows = Morris.run(setup, trajectories, ParameterSampler.stream(streams, ParameterSampler.DESIGN_STREAM),
                        ParameterSampler.stream(streams, ParameterSampler.BOOTSTRAP_STREAM), bootstrap);
                default -> rows = SobolIndices.run(setup, samples, ParameterSampler.stream(streams, ParameterSampler.DESIGN_STREAM),
                        ParameterSampler.stream(streams, ParameterSampler.BOOTSTRAP_STREAM), bootstrap);
            }
            progress.done();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        List<String> findings = new ArrayList<>();
        Object result = rows;
        od.write(dir -> {
            List<List<String>> table = new ArrayList<>();
            List<String> header;
            String design;
            String methodText;
            Map<String, byte[]> charts;
            if (m.equals("tornado")) {
                @SuppressWarnings("unchecked") List<Tornado.Row> t = (List<Tornado.Row>) result;
                SensitivityReport.writeTornado(dir.resolve("tornado.csv"), t);
                charts = SensitivityReport.tornadoCharts(dir, t, params);
                findings.addAll(SensitivityFindings.tornado(t, table));
                header = List.of("metric", "parameter", "at 2.5th percentile", "at 97.5th percentile", "swing (95% CI)");
                design = (2 * d + 1) + " points: the scenario, then each of " + d + " parameters at its 2.5th and 97.5th percentile";
                methodText = "One parameter at a time is set to the 2.5th and the 97.5th percentile of its distribution, the "
                        + "others staying at their scenario values. Each point runs the same replications on the same random "
                        + "numbers, so the changes and the swing (high minus low) are paired differences with Student-t 95% CIs. "
                        + "Bars are ranked by the size of the swing.";
            } else if (m.equals("morris")) {
                @SuppressWarnings("unchecked") List<Morris.Row> mr = (List<Morris.Row>) result;
                SensitivityReport.writeMorris(dir.resolve("morris.csv"), mr);
                charts = SensitivityReport.morrisCharts(dir, mr, params);
                findings.addAll(SensitivityFindings.morris(mr, table));
                header = List.of("metric", "parameter", "mu*", "mu* 95% CI", "sigma", "mu");
                design = trajectories + " trajectories of " + (d + 1) + " points on a 4-level grid (step 2/3)";
                methodText = "Morris elementary effects: each trajectory moves one parameter at a time by 2/3 of its central 95% "
                        + "range on a 4-level grid. An effect is the change in the metric divided by the step, in the metric's "
                        + "units per the whole central range. mu* is the mean absolute effect (influence), sigma the standard "
                        + "deviation of the effects (interactions or non-linearity), mu the signed mean; mu*'s interval is a "
                        + "percentile bootstrap over trajectories. Common random numbers make the effects differences of paired runs.";
            } else {
                @SuppressWarnings("unchecked") List<SobolIndices.Row> sr = (List<SobolIndices.Row>) result;
                SensitivityReport.writeSobol(dir.resolve("sobol.csv"), sr);
                charts = SensitivityReport.sobolCharts(dir, sr, params);
                findings.addAll(SensitivityFindings.sobol(sr, table));
                header = List.of("metric", "parameter", "first order (95% CI)", "total (95% CI)");
                design = samples + " x (" + d + " + 2) = " + points + " points (Saltelli design on randomised Sobol points)";
                methodText = "Sobol variance-based indices on a Saltelli design: matrices A and B from a scrambled Sobol sequence "
                        + "over the full parameter distributions, and A with each column in turn taken from B. First-order index "
                        + "(share of variance from the parameter alone): Saltelli et al. 2010; total index (alone and in "
                        + "interactions): Jansen 1999; 95% intervals by percentile bootstrap over the base samples. With common "
                        + "random numbers the analysed output is the mean over the replications for fixed random streams; "
                        + "with few base samples the intervals are wide, and small negative estimates mean 'about zero'.";
            }
            Manifest mf = new Manifest("sensitivity", execution.seed, reps, execution.threads)
                    .scenario(name, file.toString(), scenarioOptions.overrides, loaded.tree())
                    .put("method", m).put("design_points", points).put("wall_time_seconds", Math.round(wall * 1000) / 1000.0);
            mf.write(dir.resolve("manifest.json"));
            String command = "caseload sensitivity " + file + " --method " + m + " --replications " + reps
                    + (m.equals("morris") ? " --trajectories " + trajectories : m.equals("sobol") ? " --samples " + samples : "");
            RunCommand.write(dir.resolve("report.html"), SensitivityReport.html(new SensitivityReport.Info(command,
                    execution.seed, name, m, reps, design, params, findings), table, header, charts, methodText));
        });
        od.commit();
        for (String f : findings) stdout.println(f);
        stdout.printf("%s: %d points x %d replications in %.1f s -> %s%n", m, points, reps, wall, od.requested());
        stdout.flush();
    }
}
