package org.caseload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four shards of a comparison, merged, give the bytes of the unsharded comparison; bad sets of shards are refused. */
class ShardMergeTest {
    static String[] compare(Path out, String... extra) {
        return compareWithSeed(3, out, extra);
    }

    static String[] compareWithSeed(int seed, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("compare", "scenarios/leeds.yaml", "scenarios/leeds-cut-10.yaml",
                "--replications", "6", "--seed", String.valueOf(seed), "--set", "horizon_months=24", "--set", "warmup_months=12",
                "--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    static Cli.Outcome ok(String... args) {
        Cli.Outcome o = Cli.execute(args);
        assertEquals(0, o.exit(), o.err());
        return o;
    }

    static Cli.Outcome refused(String expected, String... args) {
        Cli.Outcome o = Cli.execute(args);
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        return o;
    }

    @Test
    void fourShardsMergeToTheUnshardedComparison(@TempDir Path dir) throws IOException {
        List<String> shards = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Path s = dir.resolve("shard-" + i);
            // Different thread counts per shard: results must not depend on them.
            Cli.Outcome o = ok(compare(s, "--shard", i + "/4", "--threads", String.valueOf(1 + i % 2)));
            assertTrue(o.out().startsWith("shard " + i + "/4: 2 scenarios, replications "), o.out());
            shards.add(s.toString());
        }
        Path whole = dir.resolve("whole");
        ok(compare(whole, "--threads", "2"));

        List<String> merge = new ArrayList<>(List.of("merge", "--out", dir.resolve("merged").toString()));
        for (int i = shards.size() - 1; i >= 0; i--) merge.add(shards.get(i)); // order does not matter
        Cli.Outcome merged = ok(merge.toArray(String[]::new));
        assertTrue(merged.out().contains("merged 4 shards: 2 scenario(s) x 6 replications"), merged.out());
        SameFiles.assertSame(whole, dir.resolve("merged"));

        String out = dir.resolve("refused").toString();
        refused("shard 3/4 is missing", "merge", "--out", out, shards.get(0), shards.get(1), shards.get(3));
        refused("shard 2/4 is given twice", "merge", "--out", out, shards.get(0), shards.get(1), shards.get(1),
                shards.get(2), shards.get(3));
        Path otherSeed = dir.resolve("other-seed");
        ok(compareWithSeed(4, otherSeed, "--shard", "3/4"));
        refused("--seed 3 vs 4", "merge", "--out", out, shards.get(0), shards.get(1), otherSeed.toString(), shards.get(3));
        refused("not a shard folder", "merge", "--out", out, shards.get(0), whole.toString());
        // A shard whose record was cut short (a bad copy) is named as damaged, not as no shard at all.
        Path manifest = Path.of(shards.get(2), "manifest.json");
        String record = Files.readString(manifest);
        Files.writeString(manifest, record.substring(0, record.length() / 2));
        refused(manifest + ": not a caseload batch record (it ends part-way through", "merge", "--out", out, shards.get(0),
                shards.get(1), shards.get(2), shards.get(3));
        Files.writeString(manifest, record);
        assertFalse(Files.exists(dir.resolve("refused")), "a refused merge writes nothing");

        // A shard whose journal lost a record (e.g. a bad copy) is refused, naming the replication.
        Path journal = Path.of(shards.get(1), "journal.tsv");
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(0, lines.size() - 1));
        refused("is missing or damaged; run shard 2/4 again", "merge", "--out", out, shards.get(0), shards.get(1),
                shards.get(2), shards.get(3));
    }

    @Test
    void badShardOptionsAreRefused(@TempDir Path dir) {
        refused("--shard must be I/N", compare(dir.resolve("x"), "--shard", "5/4"));
        refused("--shard must be I/N", compare(dir.resolve("x"), "--shard", "half"));
        refused("--shard needs a fixed --replications count", "run", "scenarios/leeds.yaml", "--precision", "0.05",
                "--shard", "1/2", "--out", dir.resolve("y").toString());
    }
}
