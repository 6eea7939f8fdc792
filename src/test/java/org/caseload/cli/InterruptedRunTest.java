package org.caseload.cli;

import static org.caseload.cli.SafetySupport.LEEDS;
import static org.caseload.cli.SafetySupport.names;
import static org.caseload.cli.SafetySupport.shortly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caseload.cli.SafetySupport.Outcome;
import org.caseload.api.LockHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted run leaves nothing behind; a temporary folder left by a killed run is
 * removed by the next run of that name, but only once its process is provably gone.
 */
class InterruptedRunTest {
    /** Starts a long run in a separate process and waits until its temporary folder exists. */
    private static Process startLongRun(Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(SafetySupport.javaCommand());
        cmd.addAll(List.of("run", LEEDS.toString(), "--replications", "400", "--threads", "1", "--out", dir.resolve("out").toString()));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (partials(dir).isEmpty()) {
            assertTrue(p.isAlive(), "the run ended before its temporary folder appeared");
            assertTrue(System.nanoTime() < deadline, "no temporary folder within 60 s");
            Thread.sleep(100);
        }
        Thread.sleep(500);
        return p;
    }

    private static List<String> partials(Path dir) throws IOException {
        return names(dir).stream().filter(n -> n.startsWith(".out.partial-pid")).toList();
    }

    @Test
    void sigtermLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Process p = startLongRun(dir);
        p.destroy(); // SIGTERM, as Ctrl-C's SIGINT, runs the shutdown hooks
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        // Only the journal of finished replications stays (a scheduler's SIGTERM at a time limit
        // must not lose them): 'run --resume out' continues from it.
        assertEquals(List.of(), names(dir).stream().filter(n -> !n.equals(".out.resume")).toList());
    }

    /**
     * A run of several scenarios into a new folder, stopped with SIGTERM while it simulates,
     * leaves only its record beside it: the folder it made for the scenarios' folders is removed
     * once their temporary folders and locks are (before, the JVM's hooks raced, and the empty
     * folder stayed in about one stop in three).
     */
    @Test
    void sigtermLeavesNoFolderARunOfSeveralMade(@TempDir Path dir) throws Exception {
        for (int attempt = 0; attempt < 4; attempt++) {
            Path parent = dir.resolve("try" + attempt).resolve("new");
            Path journal = parent.resolve(".R.resume").resolve("journal.tsv");
            List<String> cmd = new ArrayList<>(SafetySupport.javaCommand());
            cmd.addAll(List.of("run", LEEDS.toString(), "scenarios/leeds-cut-10.yaml", "--replications", "400", "--threads", "1",
                    "--out", parent.resolve("R").toString()));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(journal) || Files.size(journal) == 0) {
                assertTrue(p.isAlive(), "the run ended before it recorded a replication");
                assertTrue(System.nanoTime() < deadline, "no replication recorded within 60 s");
                Thread.sleep(50);
            }
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(List.of(".R.resume"), names(parent), "attempt " + attempt);
        }
    }

    @Test
    void aKilledRunsFolderIsRemovedByTheNextRunOfThatName(@TempDir Path dir) throws Exception {
        Process p = startLongRun(dir);
        p.destroyForcibly().waitFor(60, TimeUnit.SECONDS); // kill -9: no hook runs
        assertEquals(1, partials(dir).size(), "kill -9 should have left the temporary folder: " + names(dir));
        Outcome o = shortly("run", LEEDS.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void aLiveRunsFolderIsNeverRemoved(@TempDir Path dir) throws Exception {
        Process alive = new ProcessBuilder("sleep", "120").start();
        try {
            Path theirs = Files.createDirectories(dir.resolve(".out.partial-pid" + alive.pid() + "-12345"));
            Files.writeString(theirs.resolve("summary.csv"), "being written");
            Outcome o = shortly("run", LEEDS.toString(), "--out", dir.resolve("out").toString());
            assertEquals(0, o.exit(), o.err());
            assertEquals("being written", Files.readString(theirs.resolve("summary.csv")));
        } finally {
            alive.destroy();
        }
    }

    /**
     * A folder whose PID is gone is still kept while another process holds its lock (as a
     * run in another PID namespace would). The lock is taken with fcntl, as Java takes it.
     */
    @Test
    void aFolderWhoseLockIsHeldIsNeverRemoved(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no python3 to hold a lock");
        long deadPid = deadPid();
        Path theirs = Files.createDirectories(dir.resolve(".out.partial-pid" + deadPid + "-777"));
        Path lock = theirs.resolve(".lock");
        Files.writeString(lock, "");
        try (LockHolder holder = LockHolder.hold(lock)) {
            Outcome o = shortly("run", LEEDS.toString(), "--out", dir.resolve("out").toString());
            assertEquals(0, o.exit(), o.err());
            assertTrue(Files.isDirectory(theirs), "a locked folder was removed");
        }
        // Once nobody holds the lock and the PID is gone, it is provably stale.
        Outcome o = shortly("run", LEEDS.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void foldersOfOtherNamesAndOlderVersionsAreLeftAlone(@TempDir Path dir) throws Exception {
        long deadPid = deadPid();
        List<String> others = List.of(".other.partial-pid" + deadPid + "-1", ".out.partial-123456789", ".outer.partial-pid" + deadPid + "-1");
        for (String n : others) Files.createDirectories(dir.resolve(n));
        Files.createDirectories(dir.resolve(".out.old-pid" + deadPid + "-2"));
        Outcome o = shortly("run", LEEDS.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, o.exit(), o.err());
        List<String> expected = new ArrayList<>(others);
        expected.add("out");
        assertEquals(expected.stream().sorted().toList(), names(dir), "only the stale .out.old-pid folder goes");
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assumeTrue(ProcessHandle.of(pid).isEmpty(), "PID reused already");
        return pid;
    }
}
