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
import java.util.stream.Stream;
import org.caseload.api.Study;
import org.caseload.cli.SafetySupport.Outcome;
import org.caseload.api.LockHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The commands that write an output folder without a batch record (sensitivity, warmup,
 * calibrate, merge) hold the same lock as run, compare, psa and sweep ({@code .NAME.resume/lock}): while
 * another process holds it they are refused with exit 2 and one line, before simulating, and the
 * folder is left as it was; a run that succeeds or fails leaves no lock file or folder behind.
 */
class OutputLockTest {
    private static final String OPEN = "src/test/resources/analysis/open-stay.yaml";

    /** A command's arguments writing into {@code out}, preparing any input it needs in {@code dir} first. */
    @FunctionalInterface
    interface Writer {
        List<String> args(Path dir, Path out) throws IOException;
    }

    /** Every command that writes an output folder without a batch record. */
    static Stream<Arguments> writers() {
        return Stream.concat(simulators(), Stream.of(
                Arguments.of("merge", (Writer) (dir, out) -> merge(dir, out, List.of("run", LEEDS.toString(), "--replications", "2",
                        "--set", "horizon_months=2", "--set", "warmup_months=0"))),
                Arguments.of("merge of psa shards", (Writer) (dir, out) -> merge(dir, out, List.of("psa", OPEN, "--samples", "4",
                        "--replications", "2", "--set", "horizon_months=12", "--set", "warmup_months=0", "--quiet")))));
    }

    /** Those of {@link #writers} that simulate (and take --max-events). */
    static Stream<Arguments> simulators() {
        return Stream.of(
                Arguments.of("sensitivity", (Writer) (dir, out) -> List.of("sensitivity", OPEN, "--method", "tornado",
                        "--replications", "2", "--set", "horizon_months=12", "--set", "warmup_months=6", "--threads", "1",
                        "--quiet", "--out", out.toString())),
                Arguments.of("warmup", (Writer) (dir, out) -> List.of("warmup", LEEDS.toString(), "--months", "12",
                        "--replications", "2", "--threads", "1", "--out", out.toString())),
                Arguments.of("calibrate", (Writer) OutputLockTest::calibrate));
    }

    /** Medway over a year with one parameter to fit, five evaluations: a calibration of a few seconds. */
    private static List<String> calibrate(Path dir, Path out) throws IOException {
        Path scenario = dir.resolve("medway-short.yaml");
        Path targets = dir.resolve("targets.yaml");
        if (!Files.exists(scenario)) {
            Files.writeString(scenario, "extends: " + Path.of("scenarios/medway.yaml").toAbsolutePath()
                    + "\nhorizon_months: 12\nwarmup_months: 0\n");
            Files.writeString(targets, """
                    targets:
                      - {metric: in_treatment_mean, value: 1208, tolerance_pct: 5}
                    parameters:
                      - {path: arrivals.rate_per_month, min: 30, max: 120}
                    """);
        }
        return List.of("calibrate", scenario.toString(), "--targets", targets.toString(), "--replications", "2",
                "--max-evaluations", "5", "--threads", "1", "--out", out.toString());
    }

    /** Runs {@code command} as two shards into {@code dir} (once) and gives the merge of them into {@code out}. */
    private static List<String> merge(Path dir, Path out, List<String> command) throws IOException {
        List<String> args = new ArrayList<>(List.of("merge", "--out", out.toString()));
        for (int i = 1; i <= 2; i++) {
            Path shard = dir.resolve("shard-" + i);
            if (!Files.exists(shard)) {
                List<String> run = new ArrayList<>(command);
                run.addAll(List.of("--threads", "1", "--shard", i + "/2", "--out", shard.toString()));
                Outcome o = execute(run.toArray(String[]::new));
                assertEquals(0, o.exit(), o.err());
            }
            args.add(shard.toString());
        }
        return args;
    }

    private static Outcome run(Writer w, Path dir, Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(w.args(dir, out));
        args.addAll(List.of(extra));
        return execute(args.toArray(String[]::new));
    }

    /**
     * The folder A written once; then, while another process holds A's lock, the command is refused
     * with exit 2 and the one line run gives, and A and the lock folder are as they were; once that
     * process is gone, the lock file it leaves stops nobody, and is removed with its folder.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void aHeldFolderIsRefusedAndLeftUntouched(String name, Writer w, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no python3 to hold a lock");
        Path a = dir.resolve("A");
        Path work = Study.workFolderFor(a);
        Outcome first = run(w, dir, a);
        assertEquals(0, first.exit(), first.err());
        assertFalse(Files.exists(work), "a finished " + name + " leaves no lock folder");
        List<String> entries = names(dir);
        Map<String, String> results = fingerprint(a);

        Files.createDirectories(work);
        Path lock = Files.createFile(work.resolve("lock"));
        try (LockHolder holder = LockHolder.hold(lock)) {
            Outcome refused = run(w, dir, a);
            assertEquals(2, refused.exit(), refused.err());
            assertEquals("caseload: error: another caseload is writing " + a.toAbsolutePath().normalize()
                    + "; wait for it to finish or choose another --out", refused.err().strip());
            assertEquals(results, fingerprint(a), "a refused " + name + " changed the output folder");
            assertEquals(List.of("lock"), names(work));
            assertEquals("", Files.readString(lock), "a refused " + name + " wrote into the lock file");
            List<String> withLock = new ArrayList<>(entries);
            withLock.add(work.getFileName().toString());
            withLock.sort(null);
            assertEquals(withLock, names(dir), "a refused " + name + " left something beside the folder");
        }
        Outcome again = run(w, dir, a);
        assertEquals(0, again.exit(), again.err());
        assertEquals(entries, names(dir), "the lock file left by a process that is gone is removed with its folder");
    }

    /**
     * A command that fails after taking the lock (here: more events than --max-events) into a folder
     * whose parents do not exist leaves nothing at all: no lock folder, no parents.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("simulators")
    void aFailedRunLeavesNoLockBehind(String name, Writer w, @TempDir Path dir) throws Exception {
        w.args(dir, dir.resolve("prepare"));
        List<String> before = names(dir);
        Outcome o = run(w, dir, dir.resolve("new/deeper/A"), "--max-events", "1000");
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.oneCleanLine() && o.err().contains("--max-events"), o.err());
        assertEquals(before, names(dir), name + " left a folder behind");
    }

    /**
     * A merge of psa shards refused once it holds the lock leaves no lock folder beside --out: here
     * --out is an earlier caseload results folder (which may be replaced) holding the scenario the
     * shards ran (which may not), as a calibrated.yaml would be.
     */
    @Test
    void aRefusedMergeLeavesNoLockBehind(@TempDir Path dir) throws Exception {
        Path earlier = Files.createDirectories(dir.resolve("earlier"));
        Path open = Files.copy(Path.of(OPEN), earlier.resolve("open-stay.yaml"));
        Files.writeString(earlier.resolve("manifest.json"), "{\"tool\": \"caseload\", \"files\": [\"manifest.json\", \"open-stay.yaml\"]}");
        List<String> args = merge(dir, earlier, List.of("psa", open.toString(), "--samples", "4", "--replications", "2",
                "--set", "horizon_months=12", "--set", "warmup_months=0", "--quiet"));
        List<String> before = names(dir);
        Map<String, String> contents = fingerprint(earlier);
        Outcome o = execute(args.toArray(String[]::new));
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.oneCleanLine() && o.err().contains("holds the input file"), o.err());
        assertEquals(before, names(dir), "the refused merge left something beside the folder");
        assertEquals(contents, fingerprint(earlier));
    }

    /** A command stopped by SIGTERM (as Ctrl-C) while it holds the lock leaves neither the lock nor its folder. */
    @Test
    void anInterruptedCommandLeavesNoLockBehind(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("A");
        Path lock = Study.workFolderFor(a).resolve("lock");
        List<String> cmd = new ArrayList<>(SafetySupport.javaCommand());
        cmd.addAll(List.of("warmup", LEEDS.toString(), "--months", "600", "--replications", "500", "--threads", "1", "--out",
                a.toString()));
        Process p = SafetySupport.start(dir, cmd, dir.resolve("out.txt"), dir.resolve("err.txt"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(lock) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(p.isAlive() && Files.exists(lock), "the warmup holds its lock: " + Files.readString(dir.resolve("err.txt")));
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the warmup ends on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of("err.txt", "out.txt"), names(dir), "left behind by the interrupted warmup");
    }
}
