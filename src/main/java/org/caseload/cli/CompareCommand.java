package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseload.engine.RandomStreams;
import org.caseload.batch.BatchSpec;
import org.caseload.batch.Slice;
import org.caseload.experiment.Experiment;
import org.caseload.report.ComparisonFile;
import org.caseload.report.Manifest;
import org.caseload.report.OutputDirectory;
import org.caseload.report.PlainWords;
import org.caseload.report.Assumptions;
import org.caseload.report.ReportCharts;
import org.caseload.report.Reports;
import org.caseload.report.SummaryCard;
import org.caseload.report.XlsxReport;
import org.caseload.report.RunFiles;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.BatchSummary;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ScenarioSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caseload compare}: runs a baseline and alternatives under common random numbers
 * and reports paired differences with confidence intervals, corrected p-values and verdicts.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare alternatives with a baseline: paired differences under common random numbers, "
                + "Holm-corrected p-values and a verdict per metric.",
                "Writes comparison.csv, the run files for every scenario (replications.csv, summary.csv, monthly.csv), "
                        + "manifest.json, charts/, report.html and report.xlsx into DIR (default results/<baseline>-vs-<alternative>/), "
                        + "and prints a summary card."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BASELINE", description = "The baseline scenario (none with --resume).")
    Path baseline;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ALTERNATIVE", description = "One or more alternatives.")
    List<Path> alternatives = new ArrayList<>();

    @Mixin
    BatchOptions batch = new BatchOptions();

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. An existing folder is replaced only if it holds caseload's own results or is empty.")
    Path out;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
            description = "Family-wise significance level for verdicts, after Holm's correction (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--independent-streams",
            description = "Give every scenario its own random streams (switches common random numbers off; for measuring what CRN buys).")
    boolean independentStreams;

    @Override
    public Integer call() {
        org.caseload.report.Charts.warmUpInBackground();
        batch.check(batch.resume == null && run.precision != null);
        if (batch.resume == null && run.precision != null) {
            if (batch.shard != null) throw new UserException("--shard needs a fixed --replications count, not --precision");
            return precisionRun();
        }
        run.check();
        if (!(alpha > 0 && alpha < 1)) throw new UserException("--alpha must be between 0 and 1 (got " + alpha + ")");
        List<Path> given = new ArrayList<>();
        if (baseline != null) given.add(baseline);
        given.addAll(alternatives);
        org.caseload.api.Study study;
        Path dir;
        if (batch.resume != null) {
            BatchSpec record = Batches.checkResume(spec, batch.resume, given, true);
            if (!record.design().isEmpty()) {
                CompareCommand fresh = new CompareCommand();
                return Batches.resumePrecision(spec, record, batch.resume, fresh, fresh.run, fresh.scenarioOptions, run);
            }
            study = Batches.resume(spec, batch.resume, record);
            dir = batch.resume;
        } else {
            if (given.size() < 2) throw new UserException("give a BASELINE and at least one ALTERNATIVE (or --resume DIR)");
            if (batch.shard != null && out == null) throw new UserException("--shard needs --out DIR (the shard folder)");
            study = org.caseload.api.Study.compare(given).replications(run.fixedReplications()).seed(run.execution.seed)
                    .alpha(alpha).independentStreams(independentStreams);
            scenarioOptions.overrides.forEach(study::set);
            study.shard(batch.slice().index(), batch.slice().count()).eventLog(batch.eventLog);
            List<String> names = study.scenarioNames();
            dir = out != null ? out : Path.of("results", names.get(0) + "-vs-" + names.get(1)
                    + (names.size() > 2 ? "-and-" + (names.size() - 2) + "-more" : ""));
        }
        study.threads(run.execution.threads).maxEvents(run.execution.maxEvents);
        long t0 = System.nanoTime();
        org.caseload.api.Results results = Batches.execute(spec, study, dir, String.join(", ",
                study.files().stream().map(Path::toString).toList()), run.quiet.quiet);
        double wall = (System.nanoTime() - t0) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        if (results == null) {
            stdout.println(Batches.shardLine(study, "scenarios", wall, dir));
        } else {
            // The summary card comes first; the detail is in report.html and the CSV files.
            for (String line : results.summaryCard()) stdout.println(line);
            stdout.println();
            stdout.println(SummaryCard.MEANING);
            stdout.println();
            for (String line : results.costLineSummary()) stdout.println(line + "\n");
            stdout.printf("%d scenarios x %d replications%s in %.1f s -> %s%n", results.scenarios().size(),
                    results.replications(), Batches.reusedNote(study), wall, dir);
        }
        stdout.flush();
        return 0;
    }

    /** {@code --precision}: the replication count is chosen as results come in, recorded beside DIR so a killed run resumes. */
    private Integer precisionRun() {
        run.check();
        if (!(alpha > 0 && alpha < 1)) throw new UserException("--alpha must be between 0 and 1 (got " + alpha + ")");
        if (baseline == null || alternatives.isEmpty()) throw new UserException("give a BASELINE and at least one ALTERNATIVE");
        List<Path> files = new ArrayList<>();
        files.add(baseline);
        files.addAll(alternatives);
        List<ScenarioReader.Loaded> loaded = scenarioOptions.loadCompared(files);
        List<Scenario> scenarios = loaded.stream().map(ScenarioReader.Loaded::scenario).toList();
        ScenarioReader.requireDistinctNames(loaded, files);
        Path dir = out != null ? out : Path.of("results", scenarios.get(0).name() + "-vs-" + scenarios.get(1).name()
                + (scenarios.size() > 2 ? "-and-" + (scenarios.size() - 2) + "-more" : ""));
        PrintWriter stdout = spec.commandLine().getOut();
        // Checked and prepared before simulating: a refused or unwritable folder costs nothing.
        List<Path> inputs = scenarioOptions.inputsOf(files, loaded);
        try (OutputDirectory od = OutputDirectory.open(dir, inputs, spec.commandLine().getErr())) {
            RunRecord record = RunRecord.open(od.requested(), BatchSpec.of("compare", files, loaded, scenarioOptions.overrides,
                    run.execution.seed, run.maxReplications, alpha, independentStreams, Slice.WHOLE, run.precisionDesign(), 0),
                    run.resuming, scenarioOptions.startedIn);
            try {
                compare(od, loaded, scenarios, files, record, stdout);
                record.done();
            } catch (RuntimeException | Error e) {
                record.failed();
                throw e;
            }
        }
        return 0;
    }

    private void compare(OutputDirectory od, List<ScenarioReader.Loaded> loaded, List<Scenario> scenarios, List<Path> files,
                         RunRecord record, PrintWriter stdout) {
        Path dir = od.requested();
        long t0 = System.nanoTime();
        BatchSummary batch;
        try (Experiment experiment = run.execution.experiment()) {
            List<RandomStreams> streams = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) streams.add(experiment.streamsFor(i, independentStreams));
            batch = run.replicate(experiment, scenarios, streams, true, record, spec.commandLine().getErr());
        }
        double wall = (System.nanoTime() - t0) / 1e9;

        List<Metric> metrics = Metrics.forPathways(commonPathways(scenarios));
        List<ScenarioSummary> summaries = batch.scenarios();
        List<ComparisonTable.Row> rows = ComparisonTable.build(batch, metrics, alpha, RunFiles.LEVEL);
        List<String> altNames = scenarios.subList(1, scenarios.size()).stream().map(Scenario::name).toList();
        List<String> altDescriptions = scenarios.subList(1, scenarios.size()).stream().map(Scenario::description).toList();
        List<String> words = PlainWords.summarise(rows, altNames, altDescriptions);
        int n = summaries.get(0).replications();
        List<String> card = SummaryCard.compare(rows, altNames, altDescriptions, scenarios.get(0).name(), n);
        od.write(folder -> {
            ComparisonFile.write(folder.resolve("comparison.csv"), rows);
            RunFiles.writeAll(folder, summaries);
            Manifest m = new Manifest("compare", run.execution.seed, n)
                    .put("alpha", alpha).put("common_random_numbers", String.valueOf(!independentStreams));
            if (run.precision != null) m.put("precision", run.precision).put("replications_chosen", n);
            for (int i = 0; i < loaded.size(); i++) {
                m.scenario(scenarios.get(i).name(), files.get(i).toString(), scenarioOptions.overrides, loaded.get(i).tree());
            }
            m.write(folder.resolve("manifest.json"));
            List<ReportCharts.Chart> charts = ReportCharts.monthly(folder, summaries, scenarios);
            Map<String, String> leftOut = new LinkedHashMap<>();
            ReportCharts.Chart diff = ReportCharts.differences(folder, rows, leftOut);
            List<Path> read = scenarioOptions.located(files);
            Reports.RunInfo info = new Reports.RunInfo(Reproduce.precision("compare", files, scenarioOptions.overrides, run,
                    comparisonOptions()), run.execution.seed, n, !independentStreams, run.precisionNote, read);
            RunCommand.write(folder.resolve("report.html"),
                    Reports.compareReport(info, scenarios, rows, card, words, diff, leftOut, charts, alpha));
            List<Assumptions.Sources> sources = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) sources.add(Assumptions.read(scenarios.get(i).name(), read.get(i)));
            XlsxReport.write(folder.resolve("report.xlsx"), summaries, rows, sources);
        });
        od.commit();
        // The summary card comes first; the detail is in report.html and the CSV files.
        for (String line : card) stdout.println(line);
        stdout.println();
        stdout.println(SummaryCard.MEANING);
        stdout.println();
        for (String line : org.caseload.report.CostLineTable.sentences(rows)) stdout.println(line + "\n");
        stdout.printf("%d scenarios x %d replications in %.1f s -> %s%n", scenarios.size(), n, wall, dir);
        stdout.flush();
    }

    /** What a comparison adds to the reproducing command (as for a fixed count: --alpha only when not 0.05). */
    private List<String> comparisonOptions() {
        return BatchSpec.comparisonOptions(alpha, independentStreams);
    }

    /** Pathway metrics are compared only for pathways every scenario has. */
    private static List<String> commonPathways(List<Scenario> scenarios) {
        List<String> common = new ArrayList<>(scenarios.get(0).pathways().keySet());
        for (Scenario s : scenarios) common.retainAll(s.pathways().keySet());
        return common;
    }
}
