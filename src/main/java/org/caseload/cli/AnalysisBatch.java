package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.caseload.analysis.Evaluator;
import org.caseload.api.Shards;
import org.caseload.batch.AnalysisShard;
import org.caseload.batch.BatchSpec;
import org.caseload.batch.Slice;
import org.caseload.engine.RandomStreams;
import org.caseload.report.OutputDirectory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --shard I/N} and {@code --resume DIR} of the analyses (psa, sweep), and what
 * {@code caseload merge} sets when it runs an analysis from its shards. An analysis's work items
 * (design points × replications) are sliced as a batch's replications are; each finished item is
 * recorded in a journal beside the output folder ({@code .DIR.resume/}, as for run), so a killed
 * analysis continues where it stopped; a shard folder holds its slice's results and record, and a
 * merge runs the recorded command again reading every item back from the shards.
 */
final class AnalysisBatch {
    /** An analysis command (psa, sweep): its output folder and batch options. */
    abstract static class Command implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "DIR", description = "Output folder.")
        Path out;

        @Mixin
        AnalysisBatch batch = new AnalysisBatch();

        /** The command's scenario options (a --resume sets where its files are read from). */
        abstract ScenarioOptions scenarioOptions();
    }

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only the I-th of N equal slices of the work (design points x replications) into a shard folder "
                    + "(--out); 'caseload merge' joins all N into exactly the files of the unsharded run.")
    String shard;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Finish the analysis that was writing into DIR when it stopped (killed, power cut): the work items "
                    + "it had finished are read back from its record, the rest simulated, and the files are identical to an "
                    + "uninterrupted run. Everything else comes from the record (others given are refused); --threads, --quiet and --max-events may change.")
    Path resume;

    /** Set by merge: every item is read back from the shards, none simulated. */
    AnalysisShard merged;
    /** Set by merge: the shards' files, which the output folder must not hold. */
    List<Path> mergedInputs = List.of();
    private AnalysisShard work;
    private RunRecord record;
    /** Set by --resume: the record the analysis run again continues. */
    private BatchSpec resuming;
    /** Set by --resume: the folder the analysis started in (null: the current folder). */
    private Path startedIn;

    Slice slice() {
        return shard == null ? Slice.WHOLE : Slice.parse(shard);
    }

    /** Refusals before anything is read; true when this is a {@code --resume}. */
    boolean check(Path out, boolean scenariosGiven) {
        if (resume != null) {
            if (scenariosGiven || out != null || shard != null) {
                throw new UserException("--resume DIR takes the analysis recorded for DIR; leave out the scenario, --out and --shard");
            }
            return true;
        }
        if (!scenariosGiven) throw new UserException("give the SCENARIO file(s) (or --resume DIR)");
        if (shard != null && out == null) throw new UserException("--shard needs --out DIR (the shard folder)");
        slice();
        return false;
    }

    /** The files the output folder must not hold: the scenarios, and for a merge the shards. */
    private List<Path> inputs(List<Path> scenarioFiles) {
        List<Path> all = new ArrayList<>(scenarioFiles);
        all.addAll(mergedInputs);
        return all;
    }

    /**
     * What the evaluator simulates: for a merge nothing; otherwise this run's slice, less the items
     * a killed run of the same analysis recorded beside {@code dir} (which are read back).
     */
    private AnalysisShard open(BatchSpec record, Path dir, PrintWriter err) {
        if (merged != null) return merged;
        this.record = RunRecord.open(dir, record, resuming, startedIn);
        work = AnalysisShard.slice(record.slice(), record.items()).record(this.record.journal());
        if (shard != null) work.forShardFolder();
        int reused = work.reused();
        if (reused > 0) {
            err.println("caseload: resuming: " + reused + " work items already done, " + toSimulate(record) + " to run");
            err.flush();
        }
        return work;
    }

    /** An analysis (psa, sweep) computed by an evaluator, told of each finished replication. */
    interface Analysis<T> {
        T run(RandomStreams streams, Evaluator evaluator, Runnable replicationDone);
    }

    /** Writes a finished analysis's own files into its output folder, commits it and reports. */
    interface Writer<T> {
        void write(OutputDirectory od, T result, double wallSeconds);
    }

    /**
     * An analysis run from start to end: its output folder checked and prepared before any
     * simulation (as for run), its record opened or continued, the analysis run, then the shard
     * folder or the command's own files written. A failure removes a record this run started.
     */
    <T> int execute(CommandSpec spec, BatchSpec record, Path dir, List<Path> scenarioFiles, ExecutionOptions execution,
                    String label, boolean quiet, Analysis<T> analysis, Writer<T> writer) {
        PrintWriter err = spec.commandLine().getErr();
        try (OutputDirectory od = OutputDirectory.open(dir, inputs(scenarioFiles), err)) {
            AnalysisShard items = open(record, dir, err);
            try {
                long t0 = System.nanoTime();
                T result;
                RandomStreams streams = RandomStreams.fromSeed(execution.seed);
                try (Evaluator evaluator = new Evaluator(streams, execution.threads, execution.maxEvents).work(items)) {
                    Progress progress = new Progress(err, label, toSimulate(record), quiet);
                    result = analysis.run(streams, evaluator, progress::step);
                    progress.done();
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                if (!finishShard(od, record, wall, spec.commandLine().getOut())) writer.write(od, result, wall);
                done();
            } catch (RuntimeException | Error e) {
                failed();
                throw e;
            }
        }
        return 0;
    }

    /** Items this run simulates (for progress). */
    private int toSimulate(BatchSpec record) {
        if (merged != null) return 0;
        return record.slice().end(record.items()) - record.slice().first(record.items()) - (work == null ? 0 : work.reused());
    }

    /** The outputs are complete: the record is no longer needed. */
    private void done() {
        if (record != null) record.done();
    }

    /** The run failed by itself (not killed): a record it started is removed, one it continued is kept. */
    private void failed() {
        if (record != null) record.failed();
    }

    /**
     * For a shard, writes the shard folder and says which slice went where; returns false (and
     * does nothing) when this run is not a shard, whose files the command then writes itself.
     */
    private boolean finishShard(OutputDirectory od, BatchSpec record, double wallSeconds, PrintWriter stdout) {
        if (shard == null) return false;
        Slice s = record.slice();
        int items = record.items();
        Shards.writeAnalysisShard(od, record, work, startedIn);
        stdout.println(String.format(Locale.ROOT, "shard %s: %s work items %d to %d of %d in %.1f s -> %s", s, record.command(),
                s.first(items) + 1, s.end(items), items, wallSeconds, od.requested()));
        stdout.flush();
        return true;
    }

    /** {@code --resume}: runs the recorded analysis again into DIR, which continues its record. */
    int resume(Command fresh, CommandSpec caller, String command, int threads, boolean quiet) {
        Batches.onlyHowToRun(caller, Set.of());
        BatchSpec record = RunRecord.recordedFor(resume);
        if (!record.command().equals(command)) {
            throw new UserException(resume + " was being written by 'caseload " + record.command() + "': resume it with that command");
        }
        Path from = RunRecord.startedIn(resume, record);
        List<String> args = arguments(record, resume);
        if (!record.slice().equals(Slice.WHOLE)) args.addAll(List.of("--shard", record.slice().toString()));
        args.addAll(List.of("--threads", String.valueOf(threads)));
        if (quiet) args.add("--quiet");
        return rerun(fresh, caller, args, b -> {
            b.resuming = record;
            b.startedIn = from;
            fresh.scenarioOptions().startedIn = from;
        });
    }

    /** The command line of a recorded analysis (scenarios, --set, seed, replications, its design) writing into {@code out}. */
    static List<String> arguments(BatchSpec record, Path out) {
        List<String> args = record.arguments();
        args.addAll(List.of("--out", out.toString()));
        return args;
    }

    /** Runs an analysis command again with {@code args}, after {@code before} has set up its batch options. */
    static int rerun(Command command, CommandSpec caller, List<String> args, Consumer<AnalysisBatch> before) {
        return Batches.rerun(command, caller, args, () -> before.accept(command.batch));
    }
}
