package org.caseload.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.batch.BatchSpec;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.report.OutputDirectory;
import org.caseload.report.PlainWords;
import org.caseload.report.RunFiles;
import org.caseload.report.SummaryCard;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.BatchSummary;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ScenarioSummary;

/**
 * The results of a {@link Study}: every scenario's replications, and for a comparison the
 * paired differences with verdicts. {@link #write(Path)} writes the standard files, exactly
 * as the command line does (same seed, same bytes).
 */
public final class Results {
    private final BatchSpec spec;
    private final List<ScenarioReader.Loaded> loaded;
    private final BatchSummary results;
    private final List<Path> inputs;
    private List<ComparisonTable.Row> rows;
    private Path eventFolder;
    /** Where each scenario file is read (null: as recorded): a resume from another folder reads them from where it started. */
    private List<Path> readFrom;

    Results(BatchSpec spec, List<ScenarioReader.Loaded> loaded, BatchSummary results, List<Path> moreInputs) {
        this.spec = spec;
        this.loaded = List.copyOf(loaded);
        this.results = results;
        List<Path> in = new ArrayList<>(Inputs.of(spec.files().stream().map(Path::of).toList(), loaded));
        in.addAll(moreInputs);
        this.inputs = List.copyOf(in);
    }

    /** True for a comparison (baseline first), false for independent runs. */
    public boolean isComparison() {
        return "compare".equals(spec.command());
    }

    /** The seed the replications used. */
    public long seed() {
        return spec.seed();
    }

    /** Replications per scenario. */
    public int replications() {
        return spec.replications();
    }

    /** Every scenario's results, in the order given (baseline first for a comparison). */
    public List<ScenarioResults> scenarios() {
        return results.scenarios().stream().map(ScenarioResults::new).toList();
    }

    /** One scenario's results by name. */
    public ScenarioResults scenario(String name) {
        for (ScenarioSummary r : results.scenarios()) if (r.scenario().equals(name)) return new ScenarioResults(r);
        throw new IllegalArgumentException("no scenario named '" + name + "' in these results");
    }

    /**
     * For a comparison, one row per metric and alternative (catalogue order); for a run, an
     * empty list.
     */
    public List<Difference> differences() {
        List<Difference> out = new ArrayList<>();
        for (ComparisonTable.Row r : rows()) {
            var d = r.comparison().difference();
            out.add(new Difference(r.metric().name(), r.baseline(), r.scenario(), r.comparison().baselineMean(),
                    r.comparison().alternativeMean(), new Estimate(d.mean(), d.low(), d.high(), d.n()),
                    r.comparison().pValue(), r.pAdjusted(), r.verdict().label()));
        }
        return out;
    }

    /** For a comparison, the plain-words summary the command line prints; for a run, an empty list. */
    public List<String> summary() {
        if (!isComparison()) return List.of();
        List<Scenario> alts = scenarioList().subList(1, loaded.size());
        return PlainWords.summarise(rows(), alts.stream().map(Scenario::name).toList(),
                alts.stream().map(Scenario::description).toList());
    }

    /** For a comparison, how each alternative's change in spend split across the cost lines (one line each); for a run, empty. */
    public List<String> costLineSummary() {
        return isComparison() ? org.caseload.report.CostLineTable.sentences(rows()) : List.of();
    }

    /**
     * The summary card the command line prints first: for a comparison, 4–6 headline metrics
     * with the change, its 95% CI and the verdict; for a run, each scenario's headline means.
     */
    public List<String> summaryCard() {
        if (!isComparison()) {
            List<String> out = new ArrayList<>();
            for (ScenarioSummary r : results.scenarios()) out.addAll(SummaryCard.run(r));
            return out;
        }
        List<Scenario> alts = scenarioList().subList(1, loaded.size());
        return SummaryCard.compare(rows(), alts.stream().map(Scenario::name).toList(),
                alts.stream().map(Scenario::description).toList(), loaded.get(0).scenario().name(), replications());
    }

    /**
     * Writes the standard files: for a comparison, or a run of one scenario, into {@code dir};
     * for a run of several scenarios, into {@code dir/<scenario name>/} each. A folder appears
     * complete or not at all, replacing one of the same name. The folders are locked as the
     * command line locks them: while another caseload writes one, this is refused
     * ({@link org.caseload.fault.InputException}, exit 2 on the command line) and writes nothing.
     *
     * @return the folders written
     */
    public List<Path> write(Path dir) {
        return StandardFiles.write(this, dir);
    }

    /** The folders {@link #write(Path)} would write, in scenario order. */
    public List<Path> folders(Path dir) {
        return StandardFiles.folders(this, dir);
    }

    /**
     * Writes the standard files into output folders the caller opened (before simulating, so
     * that a refused folder costs nothing), one per {@link #folders(Path)}, and commits them.
     */
    public void writeInto(List<OutputDirectory> folders) {
        StandardFiles.writeInto(this, folders);
    }

    /**
     * The per-person event logs of {@link Study#eventLog}, one gzip-compressed CSV per scenario and
     * logged replication (scenario then replication order), where they were written while the
     * batch ran; empty without an event log.
     */
    public List<Path> eventLogs() {
        return EventLogFiles.files(eventFolder, results.scenarios().stream().map(ScenarioSummary::scenario).toList(), spec.eventLog());
    }

    Results eventLogsIn(Path folder) {
        eventFolder = folder;
        return this;
    }

    Results readFrom(List<Path> files) {
        readFrom = List.copyOf(files);
        return this;
    }

    /** The scenario files, where they can be read (each one's path as recorded names it in the outputs). */
    List<Path> scenarioFiles() {
        return readFrom != null ? readFrom : spec.files().stream().map(Path::of).toList();
    }

    Path eventFolder() {
        return eventFolder;
    }

    /** Every file these results were computed from (scenarios, files they extend, shards): never overwritten. */
    public List<Path> inputFiles() {
        return inputs;
    }

    BatchSpec spec() {
        return spec;
    }

    List<ScenarioReader.Loaded> loaded() {
        return loaded;
    }

    List<ScenarioSummary> raw() {
        return results.scenarios();
    }

    List<Scenario> scenarioList() {
        return loaded.stream().map(ScenarioReader.Loaded::scenario).toList();
    }

    synchronized List<ComparisonTable.Row> rows() {
        if (rows == null) {
            if (!isComparison()) {
                rows = List.of();
            } else {
                List<Metric> metrics = Metrics.forPathways(commonPathways(scenarioList()));
                rows = ComparisonTable.build(results, metrics, spec.alpha(), RunFiles.LEVEL);
            }
        }
        return rows;
    }

    /** Pathway metrics are compared only for pathways every scenario has. */
    private static List<String> commonPathways(List<Scenario> scenarios) {
        List<String> common = new ArrayList<>(scenarios.get(0).pathways().keySet());
        for (Scenario s : scenarios) common.retainAll(s.pathways().keySet());
        return common;
    }
}
