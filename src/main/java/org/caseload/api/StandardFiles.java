package org.caseload.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseload.batch.BatchSpec;
import org.caseload.experiment.ScenarioResult;
import org.caseload.report.ComparisonFile;
import org.caseload.report.Manifest;
import org.caseload.report.OutputDirectory;
import org.caseload.report.Reports;
import org.caseload.report.RunFiles;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.ComparisonTable;

/**
 * Writes the files of a run or a comparison. Nothing here depends on how the replications
 * were computed (threads, resumed, sharded and merged), and nothing carries a clock reading,
 * so the same batch always gives the same bytes.
 */
final class StandardFiles {
    private StandardFiles() {
    }

    static List<Path> write(Results r, Path dir) {
        if (r.isComparison()) {
            writeComparison(r, dir);
            return List.of(dir);
        }
        List<Path> written = new ArrayList<>();
        List<ScenarioReader.Loaded> loaded = r.loaded();
        for (int i = 0; i < loaded.size(); i++) {
            Path d = loaded.size() == 1 ? dir : dir.resolve(loaded.get(i).scenario().name());
            writeRun(r, i, d);
            written.add(d);
        }
        return written;
    }

    private static void writeRun(Results r, int i, Path dir) {
        BatchSpec spec = r.spec();
        ScenarioReader.Loaded l = r.loaded().get(i);
        ScenarioResult result = r.raw().get(i);
        String file = spec.files().get(i);
        try (OutputDirectory od = OutputDirectory.create(dir)) {
            RunFiles.writeAll(od.path(), List.of(result));
            new Manifest("run", spec.seed(), result.replications().size())
                    .scenario(l.scenario().name(), file, spec.overrides(), l.tree())
                    .write(od.path().resolve("manifest.json"));
            Map<String, byte[]> charts = Reports.monthlyCharts(od.path(), List.of(result));
            Reports.RunInfo info = new Reports.RunInfo("caseload run " + file, spec.seed(), result.replications().size(),
                    true, null);
            text(od.path().resolve("report.html"), Reports.runReport(info, List.of(l.scenario()), List.of(result), charts));
            od.commit();
        }
    }

    private static void writeComparison(Results r, Path dir) {
        BatchSpec spec = r.spec();
        List<Scenario> scenarios = r.scenarioList();
        List<ScenarioResult> results = r.raw();
        List<ComparisonTable.Row> rows = r.rows();
        int n = results.get(0).replications().size();
        try (OutputDirectory od = OutputDirectory.create(dir)) {
            ComparisonFile.write(od.path().resolve("comparison.csv"), rows);
            RunFiles.writeAll(od.path(), results);
            Manifest m = new Manifest("compare", spec.seed(), n)
                    .put("alpha", spec.alpha()).put("common_random_numbers", String.valueOf(!spec.independentStreams()));
            for (int i = 0; i < scenarios.size(); i++) {
                m.scenario(scenarios.get(i).name(), spec.files().get(i), spec.overrides(), r.loaded().get(i).tree());
            }
            m.write(od.path().resolve("manifest.json"));
            Map<String, byte[]> charts = Reports.monthlyCharts(od.path(), results);
            byte[] diff = Reports.differenceChart(od.path(), rows);
            Reports.RunInfo info = new Reports.RunInfo("caseload compare " + String.join(" ", spec.files()),
                    spec.seed(), n, !spec.independentStreams(), null);
            text(od.path().resolve("report.html"),
                    Reports.compareReport(info, scenarios, rows, r.summary(), diff, charts, spec.alpha()));
            od.commit();
        }
    }

    private static void text(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
