package org.caseload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL part-way and finished with --resume writes the same bytes as an
 * uninterrupted run, without redoing the replications it had finished.
 */
class ResumeTest {
    private static final int REPLICATIONS = 12;
    private static final List<String> SHORT = List.of("--set", "horizon_months=24", "--set", "warmup_months=12");

    static List<String> runArgs(Path out) {
        List<String> a = new ArrayList<>(List.of("run", "scenarios/leeds.yaml", "--replications", String.valueOf(REPLICATIONS),
                "--seed", "3", "--out", out.toString()));
        a.addAll(SHORT);
        return a;
    }

    /**
     * Records of the journal {@code file}: whole lines (ending in a newline) after its first,
     * which names its batch. A journal line being written can be seen part-way, and a kill then
     * leaves it torn, so it is not a record a resume keeps (counting it made the resume tests fail
     * now and then on a busy machine).
     */
    static long lines(Path file) throws IOException {
        if (!Files.exists(file)) return 0;
        long n = 0;
        for (byte b : Files.readAllBytes(file)) if (b == '\n') n++;
        return Math.max(0, n - 1);
    }

    /**
     * Runs the command line in a child JVM writing into {@code out} and kills it (SIGKILL: no
     * shutdown hooks, no clean-up) once its journal holds {@code atLeast} records; checks the kill
     * came part-way (fewer than {@code all}) and left no output folder; returns the records kept.
     */
    static long killPartWay(List<String> args, Path out, int atLeast, int all, Path log) throws Exception {
        Path journal = Study.workFolderFor(out).resolve("journal.tsv");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")), "org.caseload.cli.Main"));
        cmd.addAll(args);
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (lines(journal) < atLeast && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        child.destroyForcibly();
        child.waitFor();
        long recorded = lines(journal);
        assertTrue(recorded >= atLeast && recorded < all, "kill was not part-way: " + recorded + " records; " + Files.readString(log));
        assertFalse(Files.exists(out), "a killed run must not leave an output folder");
        return recorded;
    }

    @Test
    void killedRunResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("A");
        Path journal = Study.workFolderFor(a).resolve("journal.tsv");
        List<String> args = runArgs(a);
        args.addAll(List.of("--threads", "1"));
        long recorded = killPartWay(args, a, 3, REPLICATIONS, dir.resolve("child.log"));

        Cli.Outcome other = Cli.execute("run", "scenarios/leeds-cut-10.yaml", "--resume", a.toString());
        assertEquals(2, other.exit(), other.err());
        assertTrue(other.err().contains("it was a run of [scenarios/leeds.yaml]"), other.err());
        Cli.Outcome wrongCommand = Cli.execute("compare", "--resume", a.toString());
        assertEquals(2, wrongCommand.exit(), wrongCommand.err());
        assertTrue(wrongCommand.err().contains("was being written by 'caseload run'"), wrongCommand.err());
        assertEquals(recorded, lines(journal), "a refused resume must leave the journal alone");

        Cli.Outcome resumed = Cli.execute("run", "--resume", a.toString(), "--threads", "2");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("resuming: " + recorded + " replications already done, "
                + (REPLICATIONS - recorded) + " to run"), resumed.err());
        assertFalse(Files.exists(Study.workFolderFor(a)), "the working folder is removed once the outputs are written");

        Path b = dir.resolve("B");
        List<String> uninterrupted = runArgs(b);
        uninterrupted.addAll(List.of("--threads", "2"));
        Cli.Outcome whole = Cli.execute(uninterrupted.toArray(String[]::new));
        assertEquals(0, whole.exit(), whole.err());
        SameFiles.assertSame(b, a);
    }

    @Test
    void resumeRefusesWhatItCannotHonour(@TempDir Path dir) throws IOException {
        Cli.Outcome none = Cli.execute("run", "--resume", dir.resolve("nothing").toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no unfinished run is recorded there"), none.err());

        // What to run comes from the record: an option saying otherwise is refused, not ignored.
        String nothing = dir.resolve("nothing").toString();
        for (List<String> given : List.of(List.of("run", "--seed", "4"), List.of("run", "--set", "horizon_months=12"),
                List.of("compare", "--alpha", "0.1"), List.of("compare", "--independent-streams"),
                List.of("run", "--max-replications", "50"), List.of("psa", "--samples", "4"), List.of("sweep", "--seed", "4"))) {
            List<String> args = new ArrayList<>(given);
            args.addAll(List.of("--resume", nothing, "--threads", "1", "--quiet"));
            Cli.Outcome o = Cli.execute(args.toArray(String[]::new));
            assertEquals(2, o.exit(), args + ": " + o.err());
            assertTrue(o.err().contains("--resume DIR takes the run recorded for DIR; leave out " + given.get(1)), args + ": " + o.err());
        }

        Path a = dir.resolve("A");
        Path work = Study.workFolderFor(a);
        Files.createDirectories(work);

        Files.writeString(work.resolve("batch.json"), "{\"tool\":\"caseload\"}");
        Cli.Outcome broken = Cli.execute("run", "--resume", a.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("batch.json: not a caseload batch record"), broken.err());
        assertFalse(broken.err().contains("\tat "), "no stack trace: " + broken.err());

        // A corrupted or hostile record nested past Jackson's limit, named as the scenario reader names it.
        Files.writeString(work.resolve("batch.json"), "{\"tool\": " + "[".repeat(1200) + "]".repeat(1200) + "}");
        Cli.Outcome deep = Cli.execute("run", "--resume", a.toString());
        assertEquals(2, deep.exit());
        assertEquals("caseload: error: " + work.resolve("batch.json") + ": not a caseload batch record (nested more than 1,000 levels deep)",
                deep.err().strip());
    }
}
