package org.caseload.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.batch.BatchSpec;
import org.caseload.report.Assumptions;
import org.caseload.report.ComparisonFile;
import org.caseload.report.Manifest;
import org.caseload.report.OutputDirectory;
import org.caseload.report.ReportCharts;
import org.caseload.report.Reports;
import org.caseload.report.RunFiles;
import org.caseload.report.ShellWords;
import org.caseload.report.XlsxReport;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ScenarioSummary;

/**
 * Writes the files of a run or a comparison. Nothing here depends on how the replications
 * were computed (threads, resumed, sharded and merged), and nothing carries a clock reading,
 * so the same batch always gives the same bytes.
 */
final class StandardFiles {
    private StandardFiles() {
    }

    /** Where the files go: a comparison or a single run into dir, several runs into dir/name each. */
    static List<Path> folders(Results r, Path dir) {
        if (r.isComparison() || r.loaded().size() == 1) return List.of(dir);
        List<Path> out = new ArrayList<>();
        for (ScenarioReader.Loaded l : r.loaded()) out.add(dir.resolve(l.scenario().name()));
        return out;
    }

    /**
     * Writes the standard files into dir (several runs: dir/name each), holding the lock of dir and
     * of each folder written, as the command line does, so that no caseload command writes one at
     * the same time (a user mistake, exit 2, if one is; already held by this process: kept).
     */
    static List<Path> write(Results r, Path dir) {
        List<Path> dirs = folders(r, dir);
        List<OutputDirectory> ods = new ArrayList<>();
        List<OutputLock> locks = new ArrayList<>();
        try {
            for (Path d : dirs) ods.add(OutputDirectory.open(d, r.inputFiles(), null));
            locks.addAll(OutputLock.takeFor(dir, dirs));
            writeInto(r, ods);
        } finally {
            OutputLock.closeEach(locks, ods);
        }
        return dirs;
    }

    static void writeInto(Results r, List<OutputDirectory> ods) {
        if (ods.size() != (r.isComparison() ? 1 : r.loaded().size())) {
            throw new IllegalArgumentException("one output folder per run scenario, or one for a comparison");
        }
        if (r.isComparison()) {
            ods.get(0).write(folder -> fillComparison(r, folder));
            ods.get(0).commit();
            return;
        }
        for (int i = 0; i < ods.size(); i++) {
            int index = i;
            ods.get(i).write(folder -> fillRun(r, index, folder));
            ods.get(i).commit();
        }
    }

    private static void fillRun(Results r, int i, Path dir) throws IOException {
        BatchSpec spec = r.spec();
        ScenarioReader.Loaded l = r.loaded().get(i);
        ScenarioSummary result = r.raw().get(i);
        Path file = r.scenarioFiles().get(i);
        RunFiles.writeAll(dir, List.of(result));
        EventLogFiles.copy(r.eventFolder(), List.of(result.scenario()), spec.eventLog(), dir);
        new Manifest("run", spec.seed(), result.replications())
                .scenario(l.scenario().name(), spec.files().get(i), spec.overrides(), l.tree())
                .write(dir.resolve("manifest.json"));
        List<ReportCharts.Chart> charts = ReportCharts.monthly(dir, List.of(result), List.of(l.scenario()));
        Reports.RunInfo info = new Reports.RunInfo(command(spec, List.of(spec.files().get(i))), spec.seed(),
                result.replications(), true, null, List.of(file));
        text(dir.resolve("report.html"), Reports.runReport(info, List.of(l.scenario()), List.of(result), charts));
        XlsxReport.write(dir.resolve("report.xlsx"), List.of(result), null,
                List.of(Assumptions.read(l.scenario().name(), file)));
    }

    private static void fillComparison(Results r, Path dir) throws IOException {
        BatchSpec spec = r.spec();
        List<Scenario> scenarios = r.scenarioList();
        List<ScenarioSummary> results = r.raw();
        List<ComparisonTable.Row> rows = r.rows();
        List<Path> files = r.scenarioFiles();
        int n = results.get(0).replications();
        ComparisonFile.write(dir.resolve("comparison.csv"), rows);
        RunFiles.writeAll(dir, results);
        EventLogFiles.copy(r.eventFolder(), results.stream().map(ScenarioSummary::scenario).toList(), spec.eventLog(), dir);
        Manifest m = new Manifest("compare", spec.seed(), n)
                .put("alpha", spec.alpha()).put("common_random_numbers", String.valueOf(!spec.independentStreams()));
        for (int i = 0; i < scenarios.size(); i++) {
            m.scenario(scenarios.get(i).name(), spec.files().get(i), spec.overrides(), r.loaded().get(i).tree());
        }
        m.write(dir.resolve("manifest.json"));
        List<ReportCharts.Chart> charts = ReportCharts.monthly(dir, results, scenarios);
        Map<String, String> leftOut = new LinkedHashMap<>();
        ReportCharts.Chart diff = ReportCharts.differences(dir, rows, leftOut);
        Reports.RunInfo info = new Reports.RunInfo(command(spec, spec.files()), spec.seed(), n, !spec.independentStreams(),
                null, files);
        text(dir.resolve("report.html"), Reports.compareReport(info, scenarios, rows, r.summaryCard(), r.summary(), diff,
                leftOut, charts, spec.alpha()));
        List<Assumptions.Sources> sources = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) sources.add(Assumptions.read(scenarios.get(i).name(), files.get(i)));
        XlsxReport.write(dir.resolve("report.xlsx"), results, rows, sources);
    }

    /**
     * The command that reproduces these results, built from what the results depend on (files,
     * overrides, seed, replications, alpha, streams) and not from how they were run (threads,
     * --out, --resume, shards), so a resumed or merged batch writes the same report.
     */
    static String command(BatchSpec spec, List<String> files) {
        StringBuilder b = new StringBuilder("caseload ").append(spec.command());
        for (String a : spec.arguments(files)) b.append(' ').append(ShellWords.quote(a));
        return b.toString();
    }

    private static void text(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
