package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.api.OutputLock;
import org.caseload.api.Results;
import org.caseload.api.Shards;
import org.caseload.report.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caseload merge}: joins the shard folders of one batch into the files of the unsharded run. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the N shard folders written by 'run', 'compare', 'psa' or 'sweep' with --shard I/N into exactly "
                + "the files the unsharded command writes (same bytes).",
                "Refuses (exit 2) shards of different batches (scenarios, --set, seed, replications, version), "
                        + "a missing or repeated shard, or an incomplete one. Reads the scenario files the shards ran "
                        + "from the folder they ran in (relative paths), or else from the current folder; they must not have changed."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The shard folders, in any order.")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder of the merged results.")
    Path out;

    @Override
    @SuppressWarnings("try") // the output lock is held by the try, not used in it
    public Integer call() {
        long t0 = System.nanoTime();
        Shards.Checked checked = Shards.check(shards); // the shards' records, read and checked once for either kind of merge
        String command = checked.record().command();
        if (command.equals("psa") || command.equals("sweep")) {
            OutputDirectory.check(out, shards); // before the lock beside it is taken; the scenarios are checked at opening
            // Held (refused while another caseload writes --out) until the folder is committed.
            try (OutputLock lock = OutputLock.take(out)) {
                return mergeAnalysis(command, checked);
            }
        }
        Results results = Shards.merge(checked);
        for (Path d : results.folders(out)) OutputDirectory.check(d, results.inputFiles());
        // Holds out, and out/NAME for each scenario of a run of several, as the run itself does.
        results.write(out);
        PrintWriter stdout = spec.commandLine().getOut();
        for (String w : results.summary()) stdout.println(w);
        stdout.printf("merged %d shards: %d scenario(s) x %d replications in %.1f s -> %s%n", shards.size(),
                results.scenarios().size(), results.replications(), (System.nanoTime() - t0) / 1e9, out);
        stdout.flush();
        return 0;
    }

    /**
     * An analysis's shards: the command runs again as recorded (scenarios, --set, seed,
     * replications and its design options) into --out, every item read back from the shards
     * instead of simulated, so it writes exactly the files of the unsharded run.
     */
    private Integer mergeAnalysis(String command, Shards.Checked checked) {
        Shards.Analysis a = Shards.analysis(checked);
        List<String> args = AnalysisBatch.arguments(a.spec(), out);
        args.add("--quiet");
        AnalysisBatch.Command analysis = command.equals("psa") ? new PsaCommand() : new SweepCommand();
        return AnalysisBatch.rerun(analysis, spec, args, batch -> {
            batch.merged = a.work();
            batch.mergedInputs = a.files();
            analysis.scenarioOptions().startedIn = checked.readFrom();
        });
    }
}
