package org.caseload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One batch at a time writes into an output folder: while a caseload process holds its working
 * folder ({@code .DIR.resume/}), a second run into DIR, a --resume of DIR, or an analysis into
 * DIR is refused (exit 2) and touches nothing; once that process is gone (even by kill -9, which
 * leaves the lock file), the batch resumes as before.
 */
class SharedWorkFolderTest {
    private static final String LEEDS = "scenarios/leeds.yaml";
    private static final List<String> SHORT = List.of("--set", "horizon_months=24", "--set", "warmup_months=12");

    /** Every command that could write into {@code a}, each of which must be refused while another process holds it. */
    private static List<List<String>> writersInto(Path a) {
        String out = a.toString();
        return List.of(
                List.of("run", LEEDS, "--replications", "2", "--seed", "9", "--threads", "1", "--out", out),
                List.of("run", "--resume", out, "--threads", "1"),
                List.of("run", LEEDS, "--precision", "0.5", "--max-replications", "10", "--threads", "1", "--out", out),
                List.of("compare", LEEDS, "scenarios/leeds-cut-10.yaml", "--replications", "2", "--threads", "1", "--out", out),
                List.of("psa", "src/test/resources/analysis/open-stay.yaml", "--samples", "4", "--replications", "2", "--threads",
                        "1", "--out", out),
                List.of("sweep", LEEDS, "--vary", "arrivals.rate_per_month=100:200:100", "--replications", "2", "--threads", "1",
                        "--out", out));
    }

    private static void assertRefused(List<String> args, Path a) {
        Cli.Outcome o = Cli.execute(args.toArray(String[]::new));
        assertEquals(2, o.exit(), args + ": " + o.err());
        assertEquals("caseload: error: another caseload is writing " + a.toAbsolutePath().normalize()
                + "; wait for it to finish or choose another --out", o.err().strip(), args.toString());
    }

    /** The reported case: a second run into the folder of a run still going, which then lost its batch. */
    @Test
    void aSecondWriterIsRefusedWhileTheFirstRuns(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("A");
        Path work = Study.workFolderFor(a);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")), "org.caseload.cli.Main",
                "run", LEEDS, "--replications", "1000", "--threads", "1", "--out", a.toString()));
        cmd.addAll(SHORT);
        Process first = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (ResumeTest.lines(work.resolve("journal.tsv")) < 2 && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(first.isAlive(), "the first run ended early: " + Files.readString(dir.resolve("first.log")));
            String record = Files.readString(work.resolve("batch.json"));
            for (List<String> args : writersInto(a)) assertRefused(args, a);
            // The first run is unharmed: its record is its own, its values are still there, and it goes on.
            long before = ResumeTest.lines(work.resolve("journal.tsv"));
            assertEquals(record, Files.readString(work.resolve("batch.json")));
            assertTrue(Files.isDirectory(work.resolve("values")), "the running batch's values/ were removed");
            deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (ResumeTest.lines(work.resolve("journal.tsv")) <= before && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(first.isAlive(), "the first run stopped: " + Files.readString(dir.resolve("first.log")));
            assertTrue(ResumeTest.lines(work.resolve("journal.tsv")) > before, "the first run stopped recording");
            assertFalse(Files.exists(a), "no refused command wrote the output folder");
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A killed run's folder held by another process (a lock taken with fcntl, as Java takes it) is
     * left exactly as it was; once that process is gone, the lock file it leaves stops nobody.
     */
    @Test
    void aHeldFolderIsLeftAloneAndResumesOnceLetGo(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no python3 to hold a lock");
        Path a = dir.resolve("A");
        Path work = Study.workFolderFor(a);
        List<String> args = ResumeTest.runArgs(a);
        args.addAll(List.of("--threads", "1"));
        long recorded = ResumeTest.killPartWay(args, a, 3, 12, dir.resolve("child.log"));
        Path lock = work.resolve("lock");
        assertTrue(Files.exists(lock), "the killed run's lock file");
        try (LockHolder holder = LockHolder.hold(lock)) {
            Map<String, String> before = contents(work);
            for (List<String> writer : writersInto(a)) assertRefused(writer, a);
            assertEquals(before, contents(work), "a refused command changed the working folder");
            assertFalse(Files.exists(a));
        }
        Cli.Outcome resumed = Cli.execute("run", "--resume", a.toString(), "--threads", "2");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("resuming: " + recorded + " replications already done"), resumed.err());
        assertTrue(Files.isRegularFile(a.resolve("summary.csv")));
        assertFalse(Files.exists(work), "the working folder, lock file included, is removed once the outputs are written");
    }

    /** Every file under {@code root} and its bytes (as text: the journal and record are text). */
    private static Map<String, String> contents(Path root) throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                all.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return all;
    }
}
