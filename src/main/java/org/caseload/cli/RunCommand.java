package org.caseload.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseload.experiment.Experiment;
import org.caseload.experiment.ScenarioResult;
import org.caseload.report.Manifest;
import org.caseload.report.OutputDirectory;
import org.caseload.report.Reports;
import org.caseload.report.RunFiles;
import org.caseload.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caseload run}: replicate scenarios and write tidy results, charts and a report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate each scenario with replications and write replications.csv, summary.csv, "
                + "monthly.csv, manifest.json, charts/ and report.html.",
                "One scenario writes into DIR (default results/<scenario name>/); several write into DIR/<name>/ "
                        + "(default results/<name>/)."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario YAML files.")
    List<Path> files;

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (see above).")
    Path out;

    @Override
    public Integer call() {
        run.check();
        List<ScenarioReader.Loaded> loaded = scenarioOptions.load(files);
        PrintWriter stdout = spec.commandLine().getOut();
        try (Experiment experiment = run.execution.experiment()) {
            for (int i = 0; i < loaded.size(); i++) {
                ScenarioReader.Loaded l = loaded.get(i);
                String name = l.scenario().name();
                Path dir = out == null ? Path.of("results", name) : loaded.size() == 1 ? out : out.resolve(name);
                long t0 = System.nanoTime();
                ScenarioResult result = run.replicate(experiment, List.of(l.scenario()), List.of(experiment.streams()),
                        spec.commandLine().getErr()).get(0);
                double wall = (System.nanoTime() - t0) / 1e9;
                try (OutputDirectory od = OutputDirectory.create(dir)) {
                    RunFiles.writeAll(od.path(), List.of(result));
                    Manifest m = new Manifest("run", run.execution.seed, result.replications().size(), run.execution.threads)
                            .scenario(name, files.get(i).toString(), scenarioOptions.overrides, l.tree())
                            .put("wall_time_seconds", Math.round(wall * 1000) / 1000.0);
                    if (run.precision != null) m.put("precision", run.precision).put("replications_chosen", result.replications().size());
                    m.write(od.path().resolve("manifest.json"));
                    Map<String, byte[]> charts = Reports.monthlyCharts(od.path(), List.of(result));
                    Reports.RunInfo info = new Reports.RunInfo("caseload run " + files.get(i), run.execution.seed,
                            result.replications().size(), true, run.precisionNote);
                    write(od.path().resolve("report.html"), Reports.runReport(info, List.of(l.scenario()), List.of(result), charts));
                    od.commit();
                }
                stdout.printf("%s: %d replications in %.1f s -> %s%n", name, result.replications().size(), wall, dir);
            }
        }
        stdout.flush();
        return 0;
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
