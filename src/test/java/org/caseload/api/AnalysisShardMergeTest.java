package org.caseload.api;

import static org.caseload.api.ShardMergeTest.ok;
import static org.caseload.api.ShardMergeTest.refused;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psa and sweep run as shards ({@code --shard I/N}) and merged give the bytes of the unsharded
 * analysis, whatever the threads of each shard; shards that do not fit together are refused.
 */
class AnalysisShardMergeTest {
    private static final List<String> SHORT = List.of("--set", "horizon_months=18", "--set", "warmup_months=0", "--seed", "3",
            "--quiet");

    private static String[] args(List<String> command, Path out, String... extra) {
        List<String> a = new ArrayList<>(command);
        a.addAll(SHORT);
        a.addAll(List.of("--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** Runs the command whole and as {@code n} shards, merges them in reverse order and compares the bytes. */
    private static List<Path> shardAndMerge(List<String> command, int n, Path dir) throws IOException {
        ok(args(command, dir.resolve("whole"), "--threads", "2"));
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Path s = dir.resolve("shard-" + i);
            Cli.Outcome o = ok(args(command, s, "--shard", i + "/" + n, "--threads", String.valueOf(1 + i % 2)));
            assertTrue(o.out().startsWith("shard " + i + "/" + n + ": " + command.get(0) + " work items "), o.out());
            assertFalse(Files.exists(s.resolve("report.html")), "a shard writes its slice, not the analysis");
            shards.add(s);
        }
        List<String> merge = new ArrayList<>(List.of("merge", "--out", dir.resolve("merged").toString()));
        for (int i = n - 1; i >= 0; i--) merge.add(shards.get(i).toString());
        ok(merge.toArray(String[]::new));
        SameFiles.assertSame(dir.resolve("whole"), dir.resolve("merged"));
        return shards;
    }

    @Test
    void psaShardsMergeToTheUnshardedAnalysis(@TempDir Path dir) throws IOException {
        List<Path> shards = shardAndMerge(List.of("psa", "scenarios/leeds.yaml", "scenarios/leeds-cut-10.yaml", "--samples", "4",
                "--replications", "2"), 3, dir);
        String out = dir.resolve("refused").toString();
        refused("shard 2/3 is missing", "merge", "--out", out, shards.get(0).toString(), shards.get(2).toString());
        refused("shard 1/3 is given twice", "merge", "--out", out, shards.get(0).toString(), shards.get(0).toString(),
                shards.get(1).toString(), shards.get(2).toString());
        Path otherSamples = dir.resolve("other");
        ok(args(List.of("psa", "scenarios/leeds.yaml", "scenarios/leeds-cut-10.yaml", "--samples", "8", "--replications", "2"),
                otherSamples, "--shard", "2/3"));
        refused("--samples 4 --sampling lhs vs --samples 8 --sampling lhs", "merge", "--out", out, shards.get(0).toString(),
                otherSamples.toString(), shards.get(2).toString());

        // A shard whose journal lost its last record is refused, naming the shard to run again.
        Path journal = shards.get(2).resolve("journal.tsv");
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(0, lines.size() - 1));
        refused("is missing or damaged; run shard 3/3 again", "merge", "--out", out, shards.get(0).toString(),
                shards.get(1).toString(), shards.get(2).toString());
        assertFalse(Files.exists(dir.resolve("refused")), "a refused merge writes nothing");
    }

    @Test
    void sweepShardsMergeToTheUnshardedSweep(@TempDir Path dir) throws IOException {
        List<Path> shards = shardAndMerge(List.of("sweep", "scenarios/leeds.yaml", "--vary", "budget.changes.0.change_pct=0:-20:-10",
                "--replications", "2"), 2, dir);
        Path psaShard = dir.resolve("psa-shard");
        ok(args(List.of("psa", "scenarios/leeds.yaml", "--samples", "2", "--replications", "2"), psaShard, "--shard", "1/2"));
        refused("one is a 'sweep', the other a 'psa'", "merge", "--out", dir.resolve("refused").toString(),
                shards.get(0).toString(), psaShard.toString());
        refused("--shard needs --out", "sweep", "scenarios/leeds.yaml", "--vary", "budget.changes.0.change_pct=0:-20:-10",
                "--shard", "1/2");
    }
}
