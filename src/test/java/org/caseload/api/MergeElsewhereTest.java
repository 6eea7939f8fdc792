package org.caseload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shards run with a scenario path relative to their folder merge from another folder: each shard
 * folder keeps the folder it ran in, and the merge reads the relative files from there, giving the
 * bytes of the unsharded run started where the shards ran (the outputs name the file as given).
 * A shard folder that does not say where it ran reads them from the current folder, and a file in
 * neither place is refused in one line.
 */
class MergeElsewhereTest {
    /** The command line of each kind of batch of s.yaml, writing into out, with extra options. */
    private static List<String> args(String kind, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(kind, "s.yaml"));
        switch (kind) {
            case "run" -> args.addAll(List.of("--replications", "6"));
            case "psa" -> args.addAll(List.of("--samples", "4", "--replications", "2"));
            default -> args.addAll(List.of("--vary", "budget.changes.0.change_pct=0:-20:-10", "--replications", "2"));
        }
        args.addAll(List.of("--seed", "5", "--set", "horizon_months=24", "--set", "warmup_months=12", "--threads", "1",
                "--quiet", "--out", out.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "psa", "sweep"})
    void shardsMergedFromAnotherFolderReadTheirScenarioFromWhereTheyRan(String kind, @TempDir Path dir) throws Exception {
        Path ran = Files.createDirectories(dir.resolve("ran"));
        Files.copy(Path.of("scenarios/leeds.yaml"), ran.resolve("s.yaml"));
        assertFalse(Files.exists(Path.of("s.yaml")), "the test needs s.yaml absent from the folder it merges in");
        Path one = dir.resolve("shard-1");
        Path two = dir.resolve("shard-2");
        Path whole = dir.resolve("whole");
        // The two shards and the unsharded run, at once, each started in ran/.
        List<Process> started = List.of(ChildJvm.start(ran, args(kind, one, "--shard", "1/2"), dir.resolve("1.log")),
                ChildJvm.start(ran, args(kind, two, "--shard", "2/2"), dir.resolve("2.log")),
                ChildJvm.start(ran, args(kind, whole), dir.resolve("whole.log")));
        List<String> logs = List.of("1.log", "2.log", "whole.log");
        for (int i = 0; i < started.size(); i++) {
            assertTrue(started.get(i).waitFor(5, TimeUnit.MINUTES), "a child did not finish");
            assertEquals(0, started.get(i).exitValue(), Files.readString(dir.resolve(logs.get(i))));
        }
        assertEquals(ran.toAbsolutePath().normalize().toString(), Files.readString(one.resolve("started_in")).strip());

        // This JVM works in the project folder, not in ran/.
        Path merged = dir.resolve("merged");
        Cli.Outcome o = Cli.execute("merge", two.toString(), one.toString(), "--out", merged.toString());
        assertEquals(0, o.exit(), o.err());
        SameFiles.assertSame(whole, merged);
        assertTrue(Files.readString(merged.resolve("manifest.json")).contains("\"s.yaml\""), "the outputs name the file as given");

        // A shard folder that does not say where it ran (an older one) reads s.yaml from here, where it is not.
        Files.delete(one.resolve("started_in"));
        Cli.Outcome older = Cli.execute("merge", one.toString(), two.toString(), "--out", dir.resolve("older").toString());
        assertEquals(2, older.exit(), older.err());
        assertTrue(older.err().contains("s.yaml: not found in the current folder (the shards do not say which folder they ran in"),
                older.err());
        assertEquals(1, older.err().strip().lines().count(), older.err());
        assertFalse(Files.exists(dir.resolve("older")), "a refused merge writes nothing");
    }

    /**
     * Shards whose recorded folder no longer holds their files (they ran on another machine, say)
     * read them from the current folder; a file in neither is refused naming both.
     */
    @Test
    void whereTheShardsRanLacksTheFilesTheCurrentFolderIsRead(@TempDir Path dir) throws Exception {
        List<String> shards = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Path s = dir.resolve("shard-" + i);
            ShardMergeTest.ok(ShardMergeTest.compare(s, "--shard", i + "/2"));
            assertEquals(Path.of("").toAbsolutePath().normalize().toString(), Files.readString(s.resolve("started_in")).strip());
            shards.add(s.toString());
        }
        List<String> merge = new ArrayList<>(List.of("merge", "--out", dir.resolve("here").toString()));
        merge.addAll(shards);
        ShardMergeTest.ok(merge.toArray(String[]::new));

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        for (String s : shards) StartedIn.record(Path.of(s), elsewhere);
        merge.set(2, dir.resolve("fallback").toString());
        ShardMergeTest.ok(merge.toArray(String[]::new));
        SameFiles.assertSame(dir.resolve("here"), dir.resolve("fallback"));

        // A file in neither place: scenario paths the shards did not run from here.
        Path relocated = Files.createDirectories(dir.resolve("relocated"));
        for (String s : shards) {
            Path manifest = Path.of(s).resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replace("\"scenarios/leeds.yaml\"", "\"gone/leeds.yaml\""));
        }
        merge.set(2, relocated.resolve("out").toString());
        Cli.Outcome o = ShardMergeTest.refused("gone/leeds.yaml: not found in " + elsewhere.toAbsolutePath().normalize()
                + ", the folder the shards ran in, nor in the current folder", merge.toArray(String[]::new));
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertFalse(Files.exists(relocated.resolve("out")), "a refused merge writes nothing");
    }
}
