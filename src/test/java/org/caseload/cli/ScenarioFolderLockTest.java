package org.caseload.cli;

import static org.caseload.cli.SafetySupport.LEEDS;
import static org.caseload.cli.SafetySupport.execute;
import static org.caseload.cli.SafetySupport.fingerprint;
import static org.caseload.cli.SafetySupport.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.caseload.api.LockHolder;
import org.caseload.api.Study;
import org.caseload.cli.SafetySupport.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run of several scenarios into R writes R/NAME for each, and holds the lock of each of those
 * folders ({@code R/.NAME.resume/lock}) as well as its own ({@code .R.resume/lock}), from before
 * it simulates until it has committed: a command aimed at one of them is refused meanwhile, and a
 * run of several finding one held is refused up front, touching nothing. Either way, with a fixed
 * count or --precision; the locks leave nothing behind in R.
 */
class ScenarioFolderLockTest {
    private static final String CUT = "scenarios/leeds-cut-10.yaml";
    private static final List<String> SCENARIOS = List.of("leeds", "leeds-cut-10");

    /** {@code run leeds leeds-cut-10 --out R} with a fixed count or --precision, short, with {@code extra} appended. */
    private static List<String> runBoth(String mode, Path r, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", LEEDS.toString(), CUT, "--out", r.toString(), "--threads", "1",
                "--set", "horizon_months=14", "--set", "warmup_months=0"));
        args.addAll("precision".equals(mode) ? List.of("--precision", "0.5", "--max-replications", "10") : List.of("--replications", "2"));
        args.addAll(List.of(extra));
        return args;
    }

    private static Outcome execute(List<String> args) {
        return SafetySupport.execute(args.toArray(String[]::new));
    }

    private static String busy(Path out) {
        return "caseload: error: another caseload is writing " + out.toAbsolutePath().normalize()
                + "; wait for it to finish or choose another --out";
    }

    /**
     * R holds the results of an earlier run of both; while another process holds the lock of one
     * scenario's folder, a run of both is refused with exit 2 and that one line (no summary, no
     * "replacing earlier results"), and R is as it was: the lock of the other scenario's folder,
     * taken or not, is let go and its folder removed.
     */
    @ParameterizedTest(name = "{0}, {1} held")
    @CsvSource({"fixed, leeds", "fixed, leeds-cut-10", "precision, leeds",
            "precision, leeds-cut-10"})
    void aHeldScenarioFolderRefusesTheWholeRun(String mode, String held, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no python3 to hold a lock");
        Path r = dir.resolve("R");
        Outcome first = execute(runBoth(mode, r, "--seed", "1"));
        assertEquals(0, first.exit(), first.err());
        Path work = Files.createDirectories(Study.workFolderFor(r.resolve(held)));
        Path lock = Files.createFile(work.resolve("lock"));
        List<String> beside = names(dir);
        Map<String, String> before = fingerprint(r);
        try (LockHolder holder = LockHolder.hold(lock)) {
            // Another seed: had either scenario been run and committed, its files would differ.
            Outcome refused = execute(runBoth(mode, r, "--seed", "2"));
            assertEquals(2, refused.exit(), refused.err());
            assertEquals(busy(r.resolve(held)), refused.err().strip());
            assertEquals("", refused.out(), "the refused run printed results");
            assertEquals(before, fingerprint(r), "the refused run changed R");
            assertEquals(beside, names(dir), "the refused run left something beside R");
            assertEquals("", Files.readString(lock), "the refused run wrote into the held lock file");
        }
    }

    /**
     * A merge of the shards of a run of both writes R/NAME for each too, and is refused the same
     * way while another process holds one of them, leaving R as it was.
     */
    @Test
    void aMergeOfSeveralIsRefusedWhileAScenarioFolderIsHeld(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no python3 to hold a lock");
        List<String> merge = new ArrayList<>(List.of("merge", "--out", dir.resolve("R").toString()));
        for (int i = 1; i <= 2; i++) {
            Path shard = dir.resolve("shard-" + i);
            Outcome o = execute(runBoth("fixed", shard, "--shard", i + "/2"));
            assertEquals(0, o.exit(), o.err());
            merge.add(shard.toString());
        }
        Path r = dir.resolve("R");
        Outcome first = execute(merge);
        assertEquals(0, first.exit(), first.err());
        assertEquals(SCENARIOS, names(r));
        Path work = Files.createDirectories(Study.workFolderFor(r.resolve("leeds-cut-10")));
        Path lock = Files.createFile(work.resolve("lock"));
        List<String> beside = names(dir);
        Map<String, String> before = fingerprint(r);
        try (LockHolder holder = LockHolder.hold(lock)) {
            Outcome refused = execute(merge);
            assertEquals(2, refused.exit(), refused.err());
            assertEquals(busy(r.resolve("leeds-cut-10")), refused.err().strip());
            assertEquals(before, fingerprint(r), "the refused merge changed R");
            assertEquals(beside, names(dir), "the refused merge left something beside R");
        }
    }

    /**
     * While a run of both scenarios into R simulates (in another process), a run, or a warmup,
     * into either scenario's folder is refused (exit 2, one line naming it) and writes nothing,
     * with --precision too, whose record of each scenario beside its folder is opened only when
     * that scenario's turn comes.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fixed", "precision"})
    void aRunOfSeveralHoldsEachScenarioFolder(String mode, @TempDir Path dir) throws Exception {
        Path r = dir.resolve("R");
        List<String> cmd = new ArrayList<>(SafetySupport.javaCommand());
        cmd.addAll(List.of("run", LEEDS.toString(), Path.of(CUT).toAbsolutePath().toString(), "--out", r.toString(),
                "--threads", "1", "--set", "horizon_months=24", "--set", "warmup_months=12", "--quiet"));
        cmd.addAll("precision".equals(mode) ? List.of("--precision", "0.0001", "--max-replications", "1000")
                : List.of("--replications", "1000"));
        // Replications recorded: the run is simulating, so it holds whatever it holds before it simulates.
        Path journal = ("precision".equals(mode) ? Study.workFolderFor(r.resolve("leeds")) : Study.workFolderFor(r))
                .resolve("journal.tsv");
        Process p = SafetySupport.start(dir, cmd, dir.resolve("out.txt"), dir.resolve("err.txt"));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (records(journal) < 1 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(p.isAlive() && records(journal) >= 1, "the run of both is simulating: " + Files.readString(dir.resolve("err.txt")));
            for (String name : SCENARIOS) {
                Path folder = r.resolve(name);
                for (List<String> args : List.of(
                        List.of("run", name.equals("leeds") ? LEEDS.toString() : CUT, "--replications", "2", "--threads", "1",
                                "--set", "horizon_months=14", "--set", "warmup_months=0", "--out", folder.toString()),
                        List.of("warmup", LEEDS.toString(), "--months", "12", "--replications", "2", "--threads", "1",
                                "--out", folder.toString()))) {
                    Outcome o = execute(args);
                    assertEquals(2, o.exit(), args + ": " + o.err());
                    assertEquals(busy(folder), o.err().strip(), args.toString());
                    assertFalse(Files.exists(folder), args + " wrote " + folder);
                }
            }
            // Another run of both: refused naming R, which a fixed count's batch holds first (a
            // --precision run keeps its records in the scenario folders, the first of which it names).
            Outcome again = execute(runBoth(mode, r));
            assertEquals(2, again.exit(), again.err());
            assertEquals(busy("precision".equals(mode) ? r.resolve("leeds") : r), again.err().strip());
            assertTrue(p.isAlive(), "the run of both stopped: " + Files.readString(dir.resolve("err.txt")));
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Whole records of a journal (lines after the first, which names its batch). */
    private static long records(Path journal) throws IOException {
        if (!Files.exists(journal)) return 0;
        long n = 0;
        for (byte b : Files.readAllBytes(journal)) if (b == '\n') n++;
        return Math.max(0, n - 1);
    }

    /** A run of both that succeeds leaves R holding the two results folders and nothing else (no lock folder), and nothing beside R. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fixed", "precision"})
    void aRunOfSeveralLeavesNoLockBehind(String mode, @TempDir Path dir) throws Exception {
        Path r = dir.resolve("R");
        Outcome ok = execute(runBoth(mode, r));
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(SCENARIOS, names(r));
        assertEquals(List.of("R"), names(dir));
    }

    /** A run of both into a new folder that fails by itself (--max-events) leaves nothing: no lock folder, no parents. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fixed", "precision"})
    void aFailedRunOfSeveralLeavesNothing(String mode, @TempDir Path dir) throws Exception {
        Outcome failed = execute(runBoth(mode, dir.resolve("new/R"), "--max-events", "1000"));
        assertEquals(2, failed.exit(), failed.err());
        assertTrue(failed.oneCleanLine() && failed.err().contains("--max-events"), failed.err());
        assertEquals(List.of(), names(dir), "the failed run left something behind");
    }

    /**
     * A run of both killed with SIGKILL part-way leaves the lock files of the scenario folders it
     * held (they stop nobody); {@code run --resume R} finishes it, and removes them.
     */
    @Test
    void aKilledRunOfSeveralResumesAndLeavesNoLockBehind(@TempDir Path dir) throws Exception {
        Path r = dir.resolve("R");
        List<String> cmd = new ArrayList<>(SafetySupport.javaCommand());
        cmd.addAll(List.of("run", LEEDS.toString(), Path.of(CUT).toAbsolutePath().toString(), "--out", r.toString(),
                "--threads", "1", "--set", "horizon_months=24", "--set", "warmup_months=12", "--replications", "12", "--seed", "3"));
        Path journal = Study.workFolderFor(r).resolve("journal.tsv");
        Process p = SafetySupport.start(dir, cmd, dir.resolve("out.txt"), dir.resolve("err.txt"));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (records(journal) < 3 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        long recorded = records(journal);
        assertTrue(recorded >= 3 && recorded < 24, "kill was not part-way: " + recorded + " records");
        Outcome resumed = execute(List.of("run", "--resume", r.toString(), "--threads", "2"));
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("resuming: " + recorded + " replications already done"), resumed.err());
        assertEquals(SCENARIOS, names(r), "left in R after the resume");
        assertEquals(List.of("R", "err.txt", "out.txt"), names(dir), "left beside R after the resume");

        Path b = dir.resolve("B");
        Outcome whole = execute(List.of("run", LEEDS.toString(), Path.of(CUT).toAbsolutePath().toString(), "--out", b.toString(), "--threads", "2", "--set",
                "horizon_months=24", "--set", "warmup_months=12", "--replications", "12", "--seed", "3"));
        assertEquals(0, whole.exit(), whole.err());
        for (String name : SCENARIOS) {
            assertEquals(fingerprint(b.resolve(name)), fingerprint(r.resolve(name)), name + ": the resumed run's files");
        }
    }
}
