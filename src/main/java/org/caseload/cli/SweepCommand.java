package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.analysis.AnalysisMetrics;
import org.caseload.batch.BatchSpec;
import org.caseload.analysis.Axis;
import org.caseload.analysis.Sweep;
import org.caseload.analysis.SweepSummary;
import org.caseload.analysis.Target;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.report.Manifest;
import org.caseload.report.OutputDirectory;
import org.caseload.report.SweepReport;
import org.caseload.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caseload sweep}: one- and two-way sweeps with dose–response curves and goal-seek. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Vary one or two values over a range, run every level on common random numbers, and write "
                + "sweep.csv (each level's mean and 95%% CI per metric, its paired difference from the first level, "
                + "Holm-adjusted p-value and verdict), charts/dose_response.* and report.html into DIR "
                + "(default results/<scenario>-sweep/).",
                "Prints, for each headline metric, the first level detectably worse than the first level; with "
                        + "--target, the first level (FROM towards TO) meeting the target with 95%% confidence."})
final class SweepCommand extends AnalysisBatch.Command {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "The scenario to vary (none with --resume).")
    Path file;

    @Option(names = "--vary", paramLabel = "PATH=FROM:TO:STEP",
            description = "A value to vary, e.g. budget.changes.0.change_pct=0:-50:-10 (TO included when reached). "
                    + "Give it twice for a two-way sweep.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--target", paramLabel = "METRIC<=VALUE",
            description = "Goal-seek: find the first level (FROM towards TO) meeting e.g. "
                    + "'caseload_per_fte_mean_intensive_keywork<=40' with 95%% confidence (also <, >=, >).")
    String target;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "20",
            description = "Replications per level (default ${DEFAULT-VALUE}; at least 2).")
    int replications;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
            description = "Significance level for 'detectably worse', after Holm's correction (default ${DEFAULT-VALUE}).")
    double alpha;

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

    /** The options that define the design besides the scenario, --set, --seed and --replications: a shard records them. */
    List<String> design() {
        List<String> d = new ArrayList<>();
        for (String v : vary) d.addAll(List.of("--vary", v));
        if (target != null) d.addAll(List.of("--target", target));
        d.addAll(List.of("--alpha", String.valueOf(alpha)));
        return d;
    }

    @Override
    public Integer call() {
        execution.check();
        if (batch.check(out, file != null)) return batch.resume(new SweepCommand(), spec, "sweep", execution.threads, quiet.quiet);
        if (vary.isEmpty()) throw new UserException("give at least one --vary PATH=FROM:TO:STEP");
        if (replications < 2) throw new UserException("--replications must be at least 2 (got " + replications + ")");
        if (!(alpha > 0 && alpha < 1)) throw new UserException("--alpha must be between 0 and 1 (got " + alpha + ")");
        if (vary.size() > 2) throw new UserException("give --vary once or twice (a one- or two-way sweep), not " + vary.size() + " times");
        List<Axis> axes = vary.stream().map(Axis::parse).toList();
        ScenarioReader.Loaded loaded = scenarioOptions.load(List.of(file)).get(0);
        String name = loaded.scenario().name();
        List<String> metricNames = AnalysisMetrics.of(List.of(loaded.scenario())).stream().map(Metric::name).toList();
        Target goal = target == null ? null : Target.parse(target, metricNames);
        Path dir = out != null ? out : Path.of("results", name + "-sweep");
        int levels = axes.stream().mapToInt(a -> a.levels().size()).reduce(1, (a, b) -> a * b);
        int items = levels * replications;
        BatchSpec record = BatchSpec.of("sweep", List.of(file), List.of(loaded), scenarioOptions.overrides, execution.seed,
                replications, Double.NaN, false, batch.slice(), design(), items);
        return batch.execute(spec, record, dir, scenarioOptions.inputsOf(List.of(file), List.of(loaded)), execution,
                name + " sweep", quiet.quiet,
                (streams, evaluator, done) -> Sweep.run(loaded.tree(), loaded.scenario(), axes, replications, evaluator, done),
                (od, sweep, wall) -> write(od, sweep, goal, wall, loaded, levels, spec.commandLine().getOut()));
    }

    private void write(OutputDirectory od, Sweep sweep, Target goal, double wall, ScenarioReader.Loaded loaded, int levels,
                       PrintWriter stdout) {
        String name = loaded.scenario().name();
        List<SweepSummary.Row> rows = SweepSummary.rows(sweep, alpha);
        List<String> findings = new ArrayList<>();
        for (String m : Metrics.HEADLINE) findings.addAll(SweepSummary.firstWorse(sweep, rows, m));
        List<String> goals = goal == null ? List.of() : SweepSummary.goalSeek(sweep, goal).stream().map(SweepSummary.Goal::sentence).toList();
        List<String> shown = SweepReport.shownMetrics(goal == null ? null : goal.metric());
        od.write(dir -> {
            SweepReport.writeCsv(dir.resolve("sweep.csv"), sweep, rows);
            byte[] chart = SweepReport.chart(dir, sweep, rows, shown);
            // No thread count or clock reading: the same sweep gives the same bytes, sharded and merged included.
            Manifest m = new Manifest("sweep", execution.seed, replications)
                    .scenario(name, file.toString(), scenarioOptions.overrides, loaded.tree())
                    .put("vary", String.join(" ", vary)).put("levels", levels).put("alpha", alpha);
            if (goal != null) m.put("target", goal.toString());
            m.write(dir.resolve("manifest.json"));
            String command = "caseload sweep " + file + " " + String.join(" ", vary.stream().map(v -> "--vary " + v).toList())
                    + (goal == null ? "" : " --target '" + target + "'") + " --replications " + replications;
            RunCommand.write(dir.resolve("report.html"), SweepReport.html(
                    new SweepReport.Info(command, execution.seed, name, findings, goals, alpha), sweep, rows, chart, shown));
        });
        od.commit();
        for (String g : goals) stdout.println(g);
        for (String f : findings) stdout.println(f);
        stdout.printf("%d levels x %d replications in %.1f s -> %s%n", levels, replications, wall, od.requested());
        stdout.flush();
    }
}
