package org.caseload.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.api.OutputLock;
import org.caseload.batch.BatchSpec;
import org.caseload.batch.Slice;
import org.caseload.experiment.Experiment;
import org.caseload.report.Manifest;
import org.caseload.report.OutputDirectory;
import org.caseload.report.Assumptions;
import org.caseload.report.ReportCharts;
import org.caseload.report.Reports;
import org.caseload.report.SummaryCard;
import org.caseload.report.XlsxReport;
import org.caseload.report.RunFiles;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.ScenarioSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caseload run}: replicate scenarios and write tidy results, charts and a report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate each scenario with replications and write replications.csv, summary.csv, "
                + "monthly.csv, manifest.json, charts/, report.html and report.xlsx, and print a summary card.",
                "One scenario writes into DIR (default results/<scenario name>/); several write into DIR/<name>/ "
                        + "(default results/<name>/)."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "Scenario YAML files (none with --resume).")
    List<Path> files = new ArrayList<>();

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (see above). An existing folder is replaced only if it holds caseload's own results or is empty.")
    Path out;

    @Mixin
    BatchOptions batch = new BatchOptions();

    @Override
    public Integer call() {
        org.caseload.report.Charts.warmUpInBackground();
        batch.check(batch.resume == null && run.precision != null);
        if (batch.resume == null && run.precision != null) {
            if (batch.shard != null) throw new UserException("--shard needs a fixed --replications count, not --precision");
            return precisionRun();
        }
        run.check();
        org.caseload.api.Study study;
        Path dir;
        if (batch.resume != null) {
            BatchSpec record = Batches.checkResume(spec, batch.resume, files, false);
            if (!record.design().isEmpty()) {
                RunCommand fresh = new RunCommand();
                return Batches.resumePrecision(spec, record, batch.resume, fresh, fresh.run, fresh.scenarioOptions, run);
            }
            study = Batches.resume(spec, batch.resume, record);
            dir = batch.resume;
        } else {
            if (files.isEmpty()) throw new UserException("give at least one SCENARIO file (or --resume DIR)");
            if (batch.shard != null && out == null) throw new UserException("--shard needs --out DIR (the shard folder)");
            study = org.caseload.api.Study.run(files).replications(run.fixedReplications()).seed(run.execution.seed);
            scenarioOptions.overrides.forEach(study::set);
            study.shard(batch.slice().index(), batch.slice().count()).eventLog(batch.eventLog);
            List<String> names = study.scenarioNames();
            dir = out != null ? out : names.size() == 1 ? Path.of("results", names.get(0)) : Path.of("results");
        }
        study.threads(run.execution.threads).maxEvents(run.execution.maxEvents);
        long t0 = System.nanoTime();
        org.caseload.api.Results results = Batches.execute(spec, study, dir, String.join(", ",
                study.files().stream().map(Path::toString).toList()), run.quiet.quiet);
        double wall = (System.nanoTime() - t0) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        if (results == null) {
            stdout.println(Batches.shardLine(study, "scenario(s)", wall, dir));
        } else {
            // The card and what it means first, as compare prints them; then where the files went.
            for (String line : results.summaryCard()) stdout.println(line);
            stdout.println();
            stdout.println(SummaryCard.MEANING);
            stdout.println();
            List<org.caseload.api.ScenarioResults> rs = results.scenarios();
            List<Path> dirs = results.folders(dir);
            for (int i = 0; i < rs.size(); i++) {
                int n = rs.get(i).replications();
                stdout.printf("%s: %d replication%s%s in %.1f s -> %s%n", rs.get(i).name(), n, n == 1 ? "" : "s",
                        Batches.reusedNote(study), wall, dirs.get(i));
            }
        }
        stdout.flush();
        return 0;
    }

    /**
     * {@code --precision}: the replication count is chosen as results come in; each scenario's
     * replications are recorded beside its output folder, so a killed run resumes.
     */
    private Integer precisionRun() {
        run.check();
        if (files.isEmpty()) throw new UserException("give at least one SCENARIO file");
        List<ScenarioReader.Loaded> loaded = scenarioOptions.load(files);
        ScenarioReader.requireDistinctNames(loaded, files);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Path> inputs = scenarioOptions.inputsOf(files, loaded);
        List<OutputDirectory> outputs = new ArrayList<>();
        List<OutputLock> locks = new ArrayList<>();
        // Every output folder is checked, prepared and held (refused at once while another caseload
        // writes one) before any simulation, so a refused or unwritable folder costs nothing; each
        // is committed as soon as its scenario is done. Its record, opened when its turn comes,
        // takes its lock over.
        try (Experiment experiment = run.execution.experiment()) {
            for (ScenarioReader.Loaded l : loaded) {
                String name = l.scenario().name();
                Path dir = out == null ? Path.of("results", name) : loaded.size() == 1 ? out : out.resolve(name);
                outputs.add(OutputDirectory.open(dir, inputs, stderr));
            }
            if (outputs.size() > 1) locks.addAll(OutputLock.takeEach(outputs.stream().map(OutputDirectory::requested).toList()));
            for (int i = 0; i < loaded.size(); i++) {
                ScenarioReader.Loaded l = loaded.get(i);
                String name = l.scenario().name();
                OutputDirectory od = outputs.get(i);
                long t0 = System.nanoTime();
                RunRecord record = RunRecord.open(od.requested(), BatchSpec.of("run", List.of(files.get(i)), List.of(l),
                        scenarioOptions.overrides, run.execution.seed, run.maxReplications, Double.NaN, false, Slice.WHOLE,
                        run.precisionDesign(), 0), run.resuming, scenarioOptions.startedIn);
                if (!locks.isEmpty()) locks.get(i).handOver();
                ScenarioSummary result;
                try {
                    result = run.replicate(experiment, List.of(l.scenario()), List.of(experiment.streams()), false, record, stderr)
                            .scenarios().get(0);
                    write(od, l, i, result);
                    record.done();
                } catch (RuntimeException | Error e) {
                    record.failed();
                    throw e;
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                for (String line : SummaryCard.run(result)) stdout.println(line);
                stdout.printf("%s: %d replication%s in %.1f s -> %s%n", name, result.replications(), result.replications() == 1 ? "" : "s", wall,
                        od.requested());
            }
        } finally {
            OutputLock.closeEach(locks, outputs);
        }
        stdout.println();
        stdout.println(SummaryCard.MEANING);
        stdout.flush();
        return 0;
    }

    /** The files of one scenario's --precision run, committed. */
    private void write(OutputDirectory od, ScenarioReader.Loaded l, int index, ScenarioSummary result) {
        String name = l.scenario().name();
        Path read = scenarioOptions.locate(files.get(index));
        od.write(dir -> {
            RunFiles.writeAll(dir, List.of(result));
            Manifest m = new Manifest("run", run.execution.seed, result.replications())
                    .scenario(name, files.get(index).toString(), scenarioOptions.overrides, l.tree());
            if (run.precision != null) m.put("precision", run.precision).put("replications_chosen", result.replications());
            m.write(dir.resolve("manifest.json"));
            List<ReportCharts.Chart> charts = ReportCharts.monthly(dir, List.of(result), List.of(l.scenario()));
            Reports.RunInfo info = new Reports.RunInfo(Reproduce.precision("run", List.of(files.get(index)),
                    scenarioOptions.overrides, run, List.of()),
                    run.execution.seed, result.replications(), true, run.precisionNote, List.of(read));
            write(dir.resolve("report.html"), Reports.runReport(info, List.of(l.scenario()), List.of(result), charts));
            XlsxReport.write(dir.resolve("report.xlsx"), List.of(result), null,
                    List.of(Assumptions.read(name, read)));
        });
        od.commit();
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
