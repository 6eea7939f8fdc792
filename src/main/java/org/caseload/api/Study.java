package org.caseload.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.batch.BatchRunner;
import org.caseload.batch.BatchSpec;
import org.caseload.batch.Journal;
import org.caseload.batch.PortableBatch;
import org.caseload.batch.Slice;
import org.caseload.engine.RandomStreams;
import org.caseload.experiment.Experiment;
import org.caseload.results.ReplicationStore;
import org.caseload.fault.InputException;
import org.caseload.fault.Text;
import org.caseload.report.OutputDirectory;
import org.caseload.scenario.ComparedScenarios;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.BatchSummary;
import org.caseload.stats.ScenarioSummary;

/**
 * A batch of replications of one or more scenarios, set up step by step and then executed:
 *
 * <pre>{@code
 * Results r = Study.compare(Path.of("scenarios/leeds.yaml"), Path.of("scenarios/leeds-cut-10.yaml"))
 *         .replications(40).seed(3).threads(2).execute();
 * }</pre>
 *
 * <p>Replication r of every scenario uses substream r of the same random streams (common random
 * numbers, unless {@link #independentStreams}), so results depend only on the scenarios, overrides,
 * seed, replication count and comparison options, never on threads, finishing order, a resume or
 * sharding. Mistakes in scenario files or settings throw
 * {@link org.caseload.fault.InputException} with a message naming file, line and field.
 */
public final class Study {
    static final String JOURNAL = "journal.tsv";
    static final String BATCH = "batch.json";
    /** A shard folder's manifest: tool "caseload", so output-folder rules know it as caseload's own. */
    static final String SHARD = "manifest.json";

    private final String command;
    private final List<Path> files;
    private final List<String> overrides = new ArrayList<>();
    private int replications = 20;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private long maxEvents = org.caseload.experiment.WorkLimits.DEFAULT_MAX_EVENTS;
    private double alpha = 0.05;
    private boolean independentStreams;
    private Slice slice = Slice.WHOLE;
    private Path workFolder;
    /** The record this study resumes (null: not a resume): the batch its files give must be that one. */
    private BatchSpec resumedFrom;
    /** Where relative scenario files are read from (null: the current folder): a resumed batch's {@link StartedIn}. */
    private Path startedIn;
    private static volatile ReplicationRunner defaultRunner;
    private ProgressListener progress = r -> { };
    private ReplicationRunner runner;
    private int reused;
    private int mostHeldBack;
    private int eventLog;
    private Path eventFolder;

    private Study(String command, List<Path> files) {
        if (files.isEmpty()) throw new InputException("give at least one scenario file");
        this.command = command;
        this.files = List.copyOf(files);
    }

    /** Independent runs of each scenario (written to one folder per scenario when there are several). */
    public static Study run(List<Path> scenarios) {
        return new Study("run", scenarios);
    }

    /** As {@link #run(List)}. */
    public static Study run(Path... scenarios) {
        return run(List.of(scenarios));
    }

    /** A baseline against one or more alternatives under common random numbers. */
    public static Study compare(Path baseline, Path... alternatives) {
        List<Path> all = new ArrayList<>(List.of(alternatives));
        all.add(0, baseline);
        return compare(all);
    }

    /** As {@link #compare(Path, Path...)}, baseline first. */
    public static Study compare(List<Path> baselineThenAlternatives) {
        if (baselineThenAlternatives.size() < 2) throw new InputException("compare needs a baseline and at least one alternative");
        return new Study("compare", baselineThenAlternatives);
    }

    /**
     * Sets up again, from its working folder, the batch that was being run there (see
     * {@link #recordIn(Path)}), to finish it. Scenario files are read again from the paths
     * recorded (relative ones from the folder it was started in) and must not have changed: a batch
     * that no longer matches its record is refused when it is loaded or run, and the record is kept.
     */
    public static Study resume(Path workFolder) {
        return resume(workFolder, WorkFolder.recorded(workFolder));
    }

    /** As {@link #resume(Path)}, with the folder's record already read (e.g. to check it against a command line first). */
    public static Study resume(Path workFolder, BatchSpec spec) {
        if (spec.items() > 0 || !spec.design().isEmpty()) {
            throw new InputException(workFolder + " holds the record of a 'caseload " + spec.command() + (spec.items() > 0 ? "" : " --precision")
                    + "': resume it with that command");
        }
        Study s = new Study(spec.command(), spec.files().stream().map(Path::of).toList());
        s.overrides.addAll(spec.overrides());
        s.replications = spec.replications();
        s.seed = spec.seed();
        s.alpha = Double.isNaN(spec.alpha()) ? 0.05 : spec.alpha();
        s.independentStreams = spec.independentStreams();
        s.slice = spec.slice();
        s.eventLog = spec.eventLog();
        s.workFolder = workFolder;
        s.resumedFrom = spec;
        s.startedIn = StartedIn.read(workFolder);
        return s;
    }

    /** Overrides one value of every scenario, e.g. {@code set("pathways.rehab.capacity.places", 40)}. */
    public Study set(String path, Object value) {
        return set(path + "=" + value);
    }

    /** Overrides one value of every scenario, written {@code path=value} as on the command line. */
    public Study set(String pathEqualsValue) {
        overrides.add(pathEqualsValue);
        loadedCache = null;
        return this;
    }

    /** Replications per scenario (default 20, at least 1; intervals and tests need 2). */
    public Study replications(int n) {
        if (n < 1) throw new InputException("replications must be at least 1 (got " + n + ")");
        replications = n;
        return this;
    }

    /** Experiment seed (default 1). */
    public Study seed(long s) {
        seed = s;
        return this;
    }

    /** Worker threads (default: one per core); results do not depend on it. */
    public Study threads(int t) {
        if (t < 1 || t > org.caseload.experiment.Experiment.MAX_THREADS) {
            throw new InputException("threads must be 1 to " + org.caseload.experiment.Experiment.MAX_THREADS + " (got " + t + ")");
        }
        threads = t;
        return this;
    }

    /**
     * The most events one replication may take (default 100,000,000): a scenario estimated
     * above it is refused before anything runs, and a replication that goes over its budget is
     * stopped (see the README's "Bounded work").
     */
    public Study maxEvents(long n) {
        if (n < 1) throw new InputException("max events must be at least 1 (got " + n + ")");
        maxEvents = n;
        return this;
    }

    /** Family-wise significance level of a comparison's verdicts (default 0.05). */
    public Study alpha(double a) {
        if (!(a > 0 && a < 1)) throw new InputException("alpha must be between 0 and 1 (got " + a + ")");
        alpha = a;
        return this;
    }

    /** Gives each scenario its own streams (switches common random numbers off). */
    public Study independentStreams(boolean on) {
        independentStreams = on;
        return this;
    }

    /**
     * Writes a per-person event log (gzip-compressed CSV, see the README) for each of the first
     * {@code n} replications of every scenario (0: none, the default), into the working folder of
     * {@link #recordIn} (or a temporary folder) while they run; {@link Results#write} copies them
     * into {@code events/} of the results. Not with a shard or a remote runner.
     */
    public Study eventLog(int n) {
        if (n < 0) throw new InputException("--event-log must be 0 or more (got " + n + ")");
        eventLog = n;
        return this;
    }

    /** Restricts the batch to the {@code index}-th of {@code count} slices of its replications; see {@link #executeShard}. */
    public Study shard(int index, int count) {
        slice = new Slice(index, count);
        return this;
    }

    /**
     * Records every finished replication in {@code folder} (an append-only, checksummed journal)
     * and reuses those already recorded there by the same batch, so an interrupted batch resumes
     * where it stopped. A record of a different batch in the folder is replaced; a folder another
     * process is recording into is refused (this one holds it until {@link WorkFolder#forget}).
     */
    public Study recordIn(Path folder) {
        workFolder = folder;
        return this;
    }

    /**
     * Computes replications with {@code r} instead of local threads (no journal: the runner
     * answers for its own retries).
     */
    public Study runner(ReplicationRunner r) {
        runner = r;
        return this;
    }

    /**
     * Makes {@code r} the runner of every study in this JVM that sets none: how a launcher
     * (the Spark runner) puts the unchanged command line on its cluster. Null restores local threads.
     */
    public static void useRunnerByDefault(ReplicationRunner r) {
        defaultRunner = r;
    }

    /** Told of progress while {@link #execute()} or {@link #executeShard} runs on this machine (not with a remote runner). */
    public Study progress(ProgressListener listener) {
        progress = listener;
        return this;
    }

    /** Replications read back from the working folder by the last execution, rather than simulated. */
    public int reusedReplications() {
        return reused;
    }

    /** Runs the whole batch (no {@link #shard}) and returns its results. */
    public Results execute() {
        if (!slice.equals(Slice.WHOLE)) throw new IllegalStateException("a shard is run with executeShard(dir)");
        Prepared p = prepare();
        BatchSummary summary = runSlice(p);
        return new Results(p.spec, p.loaded, summary, List.of()).eventLogsIn(eventFolder).readFrom(located());
    }

    /**
     * Runs this study's slice of replications into a shard folder (manifest, journal, {@code started_in}),
     * complete or not at all, holding its lock as the command line does (exit 2 if another caseload
     * writes it); {@link Shards#merge} turns all slices into the results of the whole batch.
     */
    public Path executeShard(Path dir) {
        List<ScenarioReader.Loaded> loaded = load();
        try (OutputDirectory od = OutputDirectory.open(dir, Inputs.of(files, loaded), null); OutputLock lock = OutputLock.take(dir)) {
            executeShard(od);
        }
        return dir;
    }

    /** As {@link #executeShard(Path)}, into an output folder the caller opened before simulating; commits it. */
    public void executeShard(OutputDirectory od) {
        if (eventLog > 0) throw new InputException("--event-log is not available with --shard: log the first replications in an unsharded run");
        Prepared p = prepare();
        BatchSummary summary = runSlice(p);
        od.write(folder -> {
            // Replication by replication, every scenario's in turn: the order a merge reads them in.
            List<ReplicationStore.Reader> readers = new ArrayList<>();
            try (Journal j = Journal.open(folder.resolve(JOURNAL), p.spec)) {
                for (ScenarioSummary s : summary.scenarios()) readers.add(s.replicationResults());
                for (int r = 0; r < summary.scenarios().get(0).replications(); r++) {
                    for (int s = 0; s < readers.size(); s++) j.append(s, readers.get(s).next());
                }
            } finally {
                readers.forEach(ReplicationStore.Reader::close);
            }
            p.spec.write(folder.resolve(SHARD));
            StartedIn.record(folder, startedIn);
        });
        od.commit();
    }

    /**
     * The working folder where the command line records a batch whose outputs go to
     * {@code outputDir}: a hidden sibling, {@code .<name>.resume}, kept until the outputs are
     * written, so that {@code --resume outputDir} finds it after a crash. The root is refused.
     */
    public static Path workFolderFor(Path outputDir) {
        Path abs = outputDir.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getFileName() == null) throw new InputException("output folder '" + Text.oneLine(outputDir.toString())
                + "' is the root of the file system; caseload never writes its results there: choose a folder, e.g. --out results/NAME");
        return abs.getParent().resolve("." + abs.getFileName() + ".resume");
    }

    /** Whether this is a comparison (baseline first) rather than independent runs. */
    public boolean isComparison() {
        return "compare".equals(command);
    }

    /** The scenario files, as given or as recorded. */
    public List<Path> files() {
        return files;
    }

    /** The slice this study runs ({@code 1/1} unless {@link #shard}). */
    public Slice slice() {
        return slice;
    }

    /** The replications per scenario of the whole batch. */
    public int replications() {
        return replications;
    }

    /**
     * Loads and checks every scenario (without running anything) and returns their names, in
     * order; a mistake throws {@link InputException}.
     */
    public List<String> scenarioNames() {
        return load().stream().map(l -> l.scenario().name()).toList();
    }

    /**
     * Loads and checks every scenario with the overrides (nothing runs): each with the
     * resolved tree it came from. Mistakes throw {@link InputException}.
     */
    public List<ScenarioReader.Loaded> load() {
        return prepare().loaded;
    }

    /** The scenario files where they are read: relative ones from the folder a resumed batch started in. */
    private List<Path> located() {
        return files.stream().map(f -> StartedIn.locate(f, startedIn)).toList();
    }

    private record Prepared(BatchSpec spec, List<ScenarioReader.Loaded> loaded) {
    }

    /**
     * The scenarios as last loaded (null: not loaded since the overrides last changed): a
     * command asks for them several times (names for the output folder, the folder's inputs,
     * the run), and reading and checking a scenario is most of a small run's start-up.
     */
    private List<ScenarioReader.Loaded> loadedCache;

    private Prepared prepare() {
        if (loadedCache == null) {
            if (resumedFrom != null) StartedIn.requireFound(workFolder, resumedFrom, startedIn);
            List<ScenarioReader.Loaded> fresh = located().stream().map(f -> ScenarioReader.load(f, overrides)).toList();
            loadedCache = List.copyOf(isComparison() ? ComparedScenarios.align(fresh) : fresh);
        }
        List<ScenarioReader.Loaded> loaded = loadedCache;
        ScenarioReader.requireDistinctNames(loaded, files);
        BatchSpec spec = BatchSpec.of(command, files, loaded, overrides, seed, replications,
                "compare".equals(command) ? alpha : Double.NaN, independentStreams, slice, List.of(), 0)
                .withEventLog(Math.min(eventLog, replications));
        if (resumedFrom != null) WorkFolder.requireResumable(workFolder, resumedFrom, spec);
        return new Prepared(spec, loaded);
    }

    private BatchSummary runSlice(Prepared p) {
        int first = slice.first(replications);
        int end = slice.end(replications);
        List<org.caseload.scenario.Scenario> scenarios = p.loaded.stream().map(ScenarioReader.Loaded::scenario).toList();
        // Refused before anything runs: too much work per replication, or more replications than can be tracked.
        for (org.caseload.scenario.Scenario s : scenarios) org.caseload.experiment.WorkLimits.checkEvents(s, maxEvents);
        org.caseload.experiment.WorkLimits.checkTracked(scenarios.size(), end - first, org.caseload.experiment.WorkLimits.heapBytes());
        List<String> names = scenarios.stream().map(org.caseload.scenario.Scenario::name).toList();
        ReplicationRunner remote = runner != null ? runner : defaultRunner;
        if (remote != null) {
            if (eventLog > 0) throw new InputException("--event-log is not available on a remote runner (Spark)");
            reused = 0;
            PortableBatch batch = new PortableBatch(p.loaded.stream().map(ScenarioReader.Loaded::tree).toList(), seed,
                    independentStreams, maxEvents);
            if (workFolder != null) WorkFolder.hold(workFolder); // its values/ are this batch's until forgotten
            BatchSummary summary = WorkFolder.summary(workFolder, names, isComparison());
            remote.run(batch, first, end, summary::add);
            return summary;
        }
        // Opened before the summary: opening clears what a killed run left in the working folder's values/.
        Journal journal = workFolder == null ? null : WorkFolder.open(workFolder, p.spec, startedIn);
        try (Experiment experiment = new Experiment(seed, threads, maxEvents)) {
            BatchSummary summary = WorkFolder.summary(workFolder, names, isComparison());
            if (eventLog > 0) experiment.eventLogs(EventLogFiles.writer(eventFolder = WorkFolder.events(workFolder), eventLog, p.loaded));
            List<RandomStreams> streams = new ArrayList<>();
            for (int i = 0; i < p.loaded.size(); i++) streams.add(experiment.streamsFor(i, independentStreams));
            reused = journal == null ? 0 : BatchRunner.recorded(journal, p.loaded.size(), first, end);
            progress.started((end - first) * p.loaded.size() - reused, reused);
            mostHeldBack = BatchRunner.run(experiment, scenarios, streams, first, end, journal, progress::finished, summary);
            progress.done();
            return summary;
        } finally {
            if (journal != null) journal.close();
        }
    }

    /** The most finished replications the last execution held back waiting for an earlier one (tests check the bound). */
    int mostHeldBack() {
        return mostHeldBack;
    }
}
