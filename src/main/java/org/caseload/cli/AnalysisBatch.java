package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseload.api.Shards;
import org.caseload.batch.AnalysisShard;
import org.caseload.batch.Slice;
import org.caseload.report.OutputDirectory;
import org.caseload.scenario.ScenarioReader;
import picocli.CommandLine.Option;

/**
 * {@code --shard I/N} of the analyses (psa, sweep), and what {@code caseload merge} sets when it
 * runs an analysis from its shards. An analysis's work items (design points × replications)
 * are sliced as a batch's replications are; the shard folder holds the slice's results in a
 * journal and its record, and the merge runs the same command again reading every item back.
 */
final class AnalysisBatch {
    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only the I-th of N equal slices of the work (design points x replications) into a shard folder "
                    + "(--out); 'caseload merge' joins all N into exactly the files of the unsharded run.")
    String shard;

    /** Set by merge: every item is read back from the shards, none simulated. */
    AnalysisShard merged;
    /** Set by merge: the shards' files, which the output folder must not hold. */
    List<Path> mergedInputs = List.of();
    private AnalysisShard slice;

    Slice slice() {
        return shard == null ? Slice.WHOLE : Slice.parse(shard);
    }

    /** Refusals before anything is read. */
    void check(Path out) {
        if (shard != null && out == null) throw new UserException("--shard needs --out DIR (the shard folder)");
        slice();
    }

    /** The files the output folder must not hold: the scenarios, and for a merge the shards. */
    List<Path> inputs(List<Path> scenarioFiles) {
        List<Path> all = new ArrayList<>(scenarioFiles);
        all.addAll(mergedInputs);
        return all;
    }

    /** What the evaluator simulates: everything (null), this shard's slice, or nothing (a merge). */
    AnalysisShard work(int items) {
        if (shard != null) return slice = AnalysisShard.slice(slice(), items);
        return merged;
    }

    /** Items this run simulates (for progress). */
    int simulated(int items) {
        return merged != null ? 0 : slice().end(items) - slice().first(items);
    }

    /**
     * For a shard, writes the shard folder and says which slice went where; returns false (and
     * does nothing) when this run is not a shard, whose files the command then writes itself.
     */
    boolean finishShard(OutputDirectory od, String command, List<Path> files, List<ScenarioReader.Loaded> loaded,
                        List<String> overrides, long seed, int replications, List<String> design, int items, double wallSeconds,
                        PrintWriter stdout) {
        if (shard == null) return false;
        Slice s = slice();
        Shards.writeAnalysisShard(od, Shards.analysisRecord(command, files, loaded, overrides, seed, replications, design, s, items),
                slice);
        stdout.println(String.format(Locale.ROOT, "shard %s: %s work items %d to %d of %d in %.1f s -> %s", s, command,
                s.first(items) + 1, s.end(items), items, wallSeconds, od.requested()));
        stdout.flush();
        return true;
    }
}
