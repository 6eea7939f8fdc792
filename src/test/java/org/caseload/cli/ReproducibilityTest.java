package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same bytes: through the real command line and the real thread pool. */
class ReproducibilityTest {
    /** The numbers, and the report and charts (drawn in parallel: their bytes must not depend on the order). */
    private static final List<String> FILES = List.of("replications.csv", "summary.csv", "monthly.csv", "report.html",
            "charts/in_treatment.png", "charts/in_treatment.svg", "charts/waiting_list.png", "charts/spend.svg",
            "charts/keyworker_fte.png");

    static Path run(Path dir, String name, int threads, int seed, String... more) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", "scenarios/leeds-cut-10.yaml", "--replications", "6",
                "--seed", String.valueOf(seed), "--threads", String.valueOf(threads), "--out", out.toString(),
                "--set", "horizon_months=24", "--set", "warmup_months=12"));
        args.addAll(List.of(more));
        BadInputTest.Outcome o = BadInputTest.execute(args.toArray(String[]::new));
        assertEquals(0, o.exit(), o.err());
        return out;
    }

    @Test
    void sameSeedSameBytesWhateverTheThreadCount(@TempDir Path dir) throws IOException {
        Path one = run(dir, "one", 1, 11);
        Path two = run(dir, "two", 2, 11);
        Path again = run(dir, "again", 2, 11);
        Path four = run(dir, "four", 4, 11);
        for (String f : FILES) {
            assertEquals(-1, Files.mismatch(one.resolve(f), two.resolve(f)), f + ": 1 thread vs 2 threads");
            assertEquals(-1, Files.mismatch(two.resolve(f), again.resolve(f)), f + ": run twice");
            assertEquals(-1, Files.mismatch(one.resolve(f), four.resolve(f)), f + ": 1 thread vs 4 threads");
        }
    }

    @Test
    void differentSeedsDiffer(@TempDir Path dir) throws IOException {
        Path a = run(dir, "a", 2, 11);
        Path b = run(dir, "b", 2, 12);
        assertNotEquals(-1, Files.mismatch(a.resolve("replications.csv"), b.resolve("replications.csv")));
    }

    /**
     * Nothing an earlier run wrote survives a rerun that does not write it (here its event log);
     * a file caseload did not write makes the rerun refuse instead (OutputSafetyTest).
     */
    @Test
    void rerunReplacesTheFolderWhole(@TempDir Path dir) throws IOException {
        Path out = run(dir, "x", 2, 11, "--event-log", "1");
        assertEquals(true, Files.isDirectory(out.resolve("events")));
        run(dir, "x", 2, 11);
        assertEquals(false, Files.exists(out.resolve("events")));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(out), left.toList(), "temporary folders left behind");
        }
    }
}
