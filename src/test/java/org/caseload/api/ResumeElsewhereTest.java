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
 * A run started with a scenario path relative to its folder, killed, and resumed from another
 * folder reads the scenario from where the run started, and writes the same bytes as an
 * uninterrupted run there (the outputs keep the path as it was given): a run of a fixed count
 * through its record, and psa, sweep and a --precision run through the recorded command line. A
 * record that does not say where it started (an older one) is refused in one line naming the file.
 */
class ResumeElsewhereTest {
    /** The command line of each kind of run of s.yaml, writing into out. */
    private static List<String> args(String kind, Path out) {
        List<String> args = new ArrayList<>(List.of(kind.equals("precision") ? "run" : kind, "s.yaml"));
        switch (kind) {
            case "run" -> args.addAll(List.of("--replications", "12"));
            case "psa" -> args.addAll(List.of("--samples", "8", "--replications", "2"));
            case "sweep" -> args.addAll(List.of("--vary", "budget.changes.0.change_pct=0:-20:-10", "--replications", "4"));
            default -> args.addAll(List.of("--precision", "0.02", "--max-replications", "1000"));
        }
        args.addAll(List.of("--seed", "3", "--set", "horizon_months=24", "--set", "warmup_months=12", "--quiet", "--out", out.toString()));
        return args;
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "precision", "psa", "sweep"})
    void aRunResumedFromAnotherFolderReadsItsScenarioFromWhereItStarted(String kind, @TempDir Path dir) throws Exception {
        String command = kind.equals("precision") ? "run" : kind;
        Path started = Files.createDirectories(dir.resolve("started"));
        Files.copy(Path.of("scenarios/leeds.yaml"), started.resolve("s.yaml"));
        assertFalse(Files.exists(Path.of("s.yaml")), "the test needs s.yaml absent from the folder it resumes in");
        Path a = dir.resolve("A");
        Path work = Study.workFolderFor(a);
        Path journal = work.resolve("journal.tsv");
        // Replications or work items recorded before the kill (a --precision run: past its first
        // batch of 10), and all there are.
        int atLeast = kind.equals("precision") ? 12 : 3;
        int all = switch (kind) {
            case "run" -> 12;
            case "psa" -> 16;
            case "sweep" -> 12;
            default -> 1000;
        };

        List<String> killed = args(kind, a);
        killed.addAll(List.of("--threads", "1"));
        Process p = ChildJvm.start(started, killed, dir.resolve("a.log"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (ResumeTest.lines(journal) < atLeast && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        p.destroyForcibly();
        p.waitFor();
        long recorded = ResumeTest.lines(journal);
        assertTrue(recorded >= atLeast && recorded < all, "kill was not part-way: " + recorded + " records; "
                + Files.readString(dir.resolve("a.log")));
        assertFalse(Files.exists(a), "a killed run must not leave an output folder");
        assertEquals(started.toAbsolutePath().normalize().toString(), Files.readString(work.resolve("started_in")).strip());

        // A record that does not say where it started reads s.yaml from here, where it is not: one clear line.
        Path kept = Files.move(work.resolve("started_in"), dir.resolve("started_in"));
        Cli.Outcome older = Cli.execute(command, "--resume", a.toString());
        assertEquals(2, older.exit(), older.err());
        assertTrue(older.err().contains("its scenario file 's.yaml' is not in the current folder"), older.err());
        assertTrue(older.err().contains("relative to the folder the run was started in"), older.err());
        assertEquals(1, older.err().strip().lines().count(), older.err());
        assertEquals(recorded, ResumeTest.lines(journal), "a refused resume must leave the journal alone");
        Files.move(kept, work.resolve("started_in"));

        // This JVM works in the project folder, not in started/.
        Cli.Outcome resumed = Cli.execute(command, "--resume", a.toString(), "--threads", "2");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("resuming: " + recorded), resumed.err());
        assertFalse(Files.exists(work), "the working folder is removed once the outputs are written");

        Path b = dir.resolve("B");
        Process whole = ChildJvm.start(started, args(kind, b), dir.resolve("b.log"));
        assertTrue(whole.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, whole.exitValue(), Files.readString(dir.resolve("b.log")));
        SameFiles.assertSame(b, a);
        assertTrue(Files.readString(a.resolve("manifest.json")).contains("\"s.yaml\""), "the outputs name the file as given");
    }

    /** A resume reads relative files from where the run started; a file gone from there is refused, naming that folder. */
    @Test
    void aFileGoneFromWhereTheRunStartedIsRefusedNamingThatFolder(@TempDir Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve(".A.resume"));
        org.caseload.batch.BatchSpec record = new org.caseload.batch.BatchSpec("sweep", "v", List.of("nowhere/s.yaml"), List.of(),
                List.of(new org.caseload.batch.BatchSpec.ScenarioId("s", "0")), 1, 2, Double.NaN, false,
                org.caseload.batch.Slice.WHOLE);
        StartedIn.record(work, dir);
        org.caseload.fault.InputException e = org.junit.jupiter.api.Assertions.assertThrows(org.caseload.fault.InputException.class,
                () -> StartedIn.requireFound(work, record, StartedIn.read(work)));
        assertTrue(e.getMessage().endsWith("its scenario file 'nowhere/s.yaml' is not in " + dir.toAbsolutePath().normalize()
                + ", the folder the run started in, to which the path is relative"), e.getMessage());
        WorkFolder.forget(work);
        assertFalse(Files.exists(work), "forgetting the working folder removes where it started too");
    }
}
