package org.caseload.web;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.caseload.engine.RandomStreams;
import org.caseload.experiment.Experiment;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.report.Assumptions;
import org.caseload.report.ComparisonFile;
import org.caseload.report.Manifest;
import org.caseload.report.OutputDirectory;
import org.caseload.report.PlainWords;
import org.caseload.report.ReportCharts;
import org.caseload.report.Reports;
import org.caseload.report.RunFiles;
import org.caseload.report.SummaryCard;
import org.caseload.report.XlsxReport;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.BatchSummary;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ScenarioSummary;

/**
 * One what-if run, as {@code caseload compare BASELINE scenario.yaml} would do it: common
 * random numbers, the same statistics and the same files, written into the run's folder. It
 * runs replications in small batches so that a cancel takes effect after the current batch; batching
 * does not change results, since replication r always uses substream r.
 */
final class WhatIfRun {
    static final String SCENARIO_FILE = "scenario.yaml";
    static final double ALPHA = 0.05;

    private final Job job;
    private final ScenarioReader.Loaded baseline;
    private final Path baselineFile;
    private final List<ReportCharts.Chart> chartsShown = new ArrayList<>();
    private final ScenarioReader.Loaded whatIf;
    private final OutputDirectory out;
    private final int threads;
    private final long maxEvents;
    private final PrintStream console;

    WhatIfRun(Job job, ScenarioReader.Loaded baseline, Path baselineFile, ScenarioReader.Loaded whatIf, OutputDirectory out,
              int threads, long maxEvents, PrintStream console) {
        this.job = job;
        this.baseline = baseline;
        this.baselineFile = baselineFile;
        this.whatIf = whatIf;
        this.out = out;
        this.threads = threads;
        this.maxEvents = maxEvents;
        this.console = console;
    }

    void run() {
        try (out) {
            if (job.cancelRequested.get()) {
                job.cancelled();
                return;
            }
            job.running();
            if (job.cancelRequested.get()) { // cancelled between the check and running()
                job.cancelled();
                return;
            }
            long t0 = System.nanoTime();
            List<Scenario> scenarios = List.of(baseline.scenario(), whatIf.scenario());
            List<ScenarioResult> results = new ArrayList<>();
            try (Experiment experiment = new Experiment(job.request.seed(), threads, maxEvents)) {
                for (int i = 0; i < scenarios.size(); i++) {
                    List<ReplicationResult> reps = replicate(experiment, scenarios.get(i), experiment.streamsFor(i, false));
                    if (reps == null) {
                        job.cancelled();
                        return;
                    }
                    results.add(new ScenarioResult(scenarios.get(i).name(), reps));
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            job.finished(write(scenarios, results, wall));
        } catch (RuntimeException | Error e) {
            if (RunQueue.forPerson(e)) {
                job.failed(e.getMessage());
            } else {
                // The person at the browser gets a plain line; the trace goes to the server's console.
                job.failed("internal error; the server's console has the details");
                console.println("caseload serve: internal error in run " + job.id + ":");
                e.printStackTrace(console);
            }
        }
    }

    /** Replications 0..n-1 in batches; null if cancelled. */
    private List<ReplicationResult> replicate(Experiment experiment, Scenario s, RandomStreams streams) {
        int n = job.request.replications();
        int batch = Math.max(2, 2 * threads);
        List<ReplicationResult> reps = new ArrayList<>();
        for (int from = 0; from < n; from += batch) {
            if (job.cancelRequested.get()) return null;
            reps.addAll(experiment.run(s, streams, from, Math.min(n, from + batch), r -> job.done.incrementAndGet()));
        }
        return reps;
    }

    private Job.Answer write(List<Scenario> scenarios, List<ScenarioResult> results, double wall) {
        Path dir = out.path();
        List<String> common = new ArrayList<>(scenarios.get(0).pathways().keySet());
        common.retainAll(scenarios.get(1).pathways().keySet());
        List<Metric> metrics = Metrics.forPathways(common);
        BatchSummary batch = BatchSummary.of(results, true);
        List<ScenarioSummary> summaries = batch.scenarios();
        List<ComparisonTable.Row> rows = ComparisonTable.build(batch, metrics, ALPHA, RunFiles.LEVEL);
        List<String> altNames = List.of(scenarios.get(1).name());
        List<String> altDescriptions = List.of(scenarios.get(1).description());
        List<String> words = PlainWords.summarise(rows, altNames, altDescriptions);
        int n = job.request.replications();
        // The report's own summary card and charts: the page shows what report.html shows.
        List<String> card = SummaryCard.compare(rows, altNames, altDescriptions, scenarios.get(0).name(), n);
        Path scenarioFile = dir.resolve(SCENARIO_FILE);
        String command = "caseload compare " + baselineFile + " " + SCENARIO_FILE + " --replications " + n
                + " --seed " + job.request.seed();
        out.write(folder -> {
            ComparisonFile.write(folder.resolve("comparison.csv"), rows);
            RunFiles.writeAll(folder, summaries);
            new Manifest("serve", job.request.seed(), n, threads).put("alpha", ALPHA).put("common_random_numbers", "true")
                    .put("wall_time_seconds", Math.round(wall * 1000) / 1000.0)
                    .scenario(scenarios.get(0).name(), baselineFile.toString(), List.of(), baseline.tree())
                    .scenario(scenarios.get(1).name(), SCENARIO_FILE, List.of(), whatIf.tree())
                    .write(folder.resolve("manifest.json"));
            List<ReportCharts.Chart> charts = ReportCharts.monthly(folder, summaries, scenarios);
            Map<String, String> leftOut = new LinkedHashMap<>();
            ReportCharts.Chart diff = ReportCharts.differences(folder, rows, leftOut);
            Reports.RunInfo info = new Reports.RunInfo(command, job.request.seed(), n, true, null, List.of(baselineFile, scenarioFile));
            Files.writeString(folder.resolve("report.html"),
                    Reports.compareReport(info, scenarios, rows, card, words, diff, leftOut, charts, ALPHA), StandardCharsets.UTF_8);
            List<Assumptions.Sources> sources = List.of(Assumptions.read(scenarios.get(0).name(), baselineFile),
                    Assumptions.read(scenarios.get(1).name(), scenarioFile));
            XlsxReport.write(folder.resolve("report.xlsx"), summaries, rows, sources);
            chartsShown.clear();
            if (diff != null) chartsShown.add(diff);
            chartsShown.addAll(charts);
        });
        out.commit();
        Path folder = out.target();
        return new Job.Answer(folder, card, words, Answers.verdicts(rows), List.copyOf(chartsShown), files(folder),
                String.format(Locale.ROOT, "%d replications of each scenario in %.1f s, seed %d. To rerun it: %s",
                        n, wall, job.request.seed(), command));
    }

    /** Every file of the finished run, relative to its folder, with '/' separators. */
    static List<String> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
