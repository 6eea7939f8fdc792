package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.caseload.api.OutputLock;
import org.caseload.api.ProgressListener;
import org.caseload.api.Results;
import org.caseload.api.Study;
import org.caseload.api.WorkFolder;
import org.caseload.batch.BatchSpec;
import org.caseload.batch.Slice;
import org.caseload.report.OutputDirectory;
import org.caseload.scenario.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * How run and compare execute through the library API: resumable by default (every finished
 * replication is journalled beside the output folder until the outputs are written), a slice
 * with {@code --shard}, or the rest of an interrupted batch with {@code --resume}.
 */
final class Batches {
    private Batches() {
    }

    /** What may be given with {@code --resume DIR}: how to run, never what (that comes from the record). */
    private static final Set<String> WITH_RESUME = Set.of("--resume", "--threads", "--quiet", "--max-events");

    /**
     * Refuses every option given with {@code --resume} except how to run ({@code --threads},
     * {@code --quiet}, {@code --max-events}) and {@code also}: the rest comes from the record,
     * and one given and then ignored would promise what the run does not do.
     */
    static void onlyHowToRun(CommandSpec spec, Set<String> also) {
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            String name = o.longestName();
            if (!WITH_RESUME.contains(name) && !also.contains(name)) {
                throw new UserException("--resume DIR takes the run recorded for DIR; leave out " + name);
            }
        }
    }

    /**
     * Checks a {@code --resume DIR} against DIR's record: scenarios and --replications given again
     * must be the recorded ones, other settings are refused (a resume that silently ran something
     * else would break the promise of identical files), and the record must be this command's.
     * Returns the record.
     */
    static BatchSpec checkResume(CommandSpec spec, Path dir, List<Path> files, boolean compare) {
        onlyHowToRun(spec, Set.of("--replications"));
        BatchSpec record = RunRecord.recordedFor(dir);
        String expected = compare ? "compare" : "run";
        if (!record.command().equals(expected)) {
            throw new UserException(dir + " was being written by 'caseload " + record.command() + "': resume it with that command");
        }
        List<Path> recorded = record.files().stream().map(Path::of).toList();
        if (!files.isEmpty() && !files.equals(recorded)) {
            throw new UserException("--resume " + dir + ": it was a run of " + recorded + ", not " + files);
        }
        return record;
    }

    /** Sets up the study to resume from DIR's record (as read and checked by {@link #checkResume}) of a fixed count. */
    static Study resume(CommandSpec spec, Path dir, BatchSpec record) {
        ParseResult pr = spec.commandLine().getParseResult();
        Study study = Study.resume(Study.workFolderFor(dir), record);
        if (pr.hasMatchedOption("--replications") && (int) pr.matchedOptionValue("--replications", 0) != study.replications()) {
            throw new UserException("--resume " + dir + ": it was a run of " + study.replications() + " replications");
        }
        return study;
    }

    /**
     * {@code --resume} of a {@code --precision} run: its record (scenarios, --set, seed, the
     * precision and its cap, a comparison's options) becomes its command line again, into DIR,
     * which continues the record: the replications it finished are read back.
     */
    static int resumePrecision(CommandSpec spec, BatchSpec record, Path dir, Callable<Integer> fresh, RunOptions freshRun,
                               ScenarioOptions freshScenarios, RunOptions run) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--replications")) {
            throw new UserException("--resume " + dir + ": it was a --precision run; leave out --replications");
        }
        Path startedIn = RunRecord.startedIn(dir, record);
        List<String> args = record.arguments();
        args.addAll(List.of("--out", dir.toString(), "--threads", String.valueOf(run.execution.threads)));
        if (run.quiet.quiet) args.add("--quiet");
        return rerun(fresh, spec, args, () -> {
            freshRun.resuming = record;
            freshScenarios.startedIn = startedIn;
        });
    }


    /** Runs a command again with {@code args} (after {@code afterParse}), writing where {@code caller} writes. */
    static int rerun(Callable<Integer> command, CommandSpec caller, List<String> args, Runnable afterParse) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(caller.commandLine().getOut());
        cl.setErr(caller.commandLine().getErr());
        cl.parseArgs(args.toArray(String[]::new));
        afterParse.run();
        try {
            return command.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the study into dir (a shard folder with --shard) and returns the results, or null for
     * a shard. The output folders are checked and opened before anything is simulated, so a
     * refused or unwritable folder costs nothing; the journal beside them is removed once they
     * are complete.
     */
    static Results execute(CommandSpec spec, Study study, Path dir, String label, boolean quiet) {
        PrintWriter err = spec.commandLine().getErr();
        List<ScenarioReader.Loaded> loaded = study.load();
        List<Path> inputs = ScenarioOptions.inputFiles(study.files(), loaded);
        boolean shard = !study.slice().equals(Slice.WHOLE);
        List<Path> dirs = shard || study.isComparison() ? List.of(dir)
                : runFolders(dir, loaded.stream().map(l -> l.scenario().name()).toList());
        List<OutputDirectory> outputs = new ArrayList<>();
        List<OutputLock> scenarioLocks = new ArrayList<>();
        Path work = Study.workFolderFor(dir);
        boolean hadRecord = Files.isDirectory(work);
        try {
            for (Path d : dirs) outputs.add(OutputDirectory.open(d, inputs, err));
            // A run of several scenarios writes dir/NAME for each: those folders are held too (as a
            // run into one of them holds it), from now until committed. dir's own is taken first,
            // so another run into dir is refused naming dir; the batch's record takes it over.
            if (!dirs.equals(List.of(dir))) {
                scenarioLocks.addAll(OutputLock.takeFor(dir, dirs));
                scenarioLocks.get(0).handOver();
            }
            study.recordIn(work).progress(progress(err, label, quiet));
            if (shard) {
                study.executeShard(outputs.get(0));
                WorkFolder.forget(work);
                return null;
            }
            Results results = study.execute();
            results.writeInto(outputs);
            WorkFolder.forget(work);
            return results;
        } catch (Throwable failed) {
            // A run that fails by itself (disk full, out of memory, a bad folder) leaves nothing new
            // behind; a record from an earlier, killed run is kept for another --resume. One refused
            // because another process holds the folder is that process's, and is not touched.
            WorkFolder.failed(work, hadRecord);
            throw failed;
        } finally {
            OutputLock.closeEach(scenarioLocks, outputs);
        }
    }

    /** Where a run's output goes: one scenario into dir; several into dir/name each. */
    static List<Path> runFolders(Path dir, List<String> names) {
        List<Path> out = new ArrayList<>();
        for (String n : names) out.add(names.size() == 1 ? dir : dir.resolve(n));
        return out;
    }

    /** The line a shard run prints: which slice of which replications went where. */
    static String shardLine(Study study, String scenariosWord, double wallSeconds, Path dir) {
        return String.format(java.util.Locale.ROOT, "shard %s: %d %s, replications %d to %d in %.1f s -> %s",
                study.slice(), study.files().size(), scenariosWord, study.slice().first(study.replications()) + 1,
                study.slice().end(study.replications()), wallSeconds, dir);
    }

    /** What the command line prints after the replication counts: where they came from. */
    static String reusedNote(Study study) {
        int n = study.reusedReplications();
        return n == 0 ? "" : " (" + n + " read back from the interrupted run)";
    }

    private static ProgressListener progress(PrintWriter err, String label, boolean quiet) {
        return new ProgressListener() {
            private Progress bar;

            @Override
            public void started(int toRun, int recorded) {
                if (recorded > 0) {
                    err.println("caseload: resuming: " + recorded + " replications already done, " + toRun + " to run");
                    err.flush();
                }
                bar = new Progress(err, label, toRun, quiet);
            }

            @Override
            public void finished(int replication) {
                bar.step();
            }

            @Override
            public void done() {
                bar.done();
            }
        };
    }
}
