package org.caseload.cli;

import static org.caseload.cli.BadInputTest.execute;
import static org.caseload.cli.BadInputTest.leedsWith;
import static org.caseload.cli.BadInputTest.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caseload.cli.BadInputTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs that used to hang, exhaust memory or end in a stack trace: each now ends with exit
 * code 2 and one line naming the file, line and field (or the option) well within 30 s, and
 * writes nothing.
 */
class BoundedWorkTest {
    /** Runs that are meant to start are kept short. */
    private static final String[] SHORT = {"--set", "horizon_months=6", "--set", "warmup_months=0"};
    private static final Duration LIMIT = Duration.ofSeconds(30);

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of("arrivals 1e9 a month", "  rate_per_month: 183", "  rate_per_month: 1e9", "rate_per_month: 1e9",
                        "arrivals.rate_per_month: must be at most 10000000, got 1000000000"),
                Arguments.of("horizon of 2147483647 months", "horizon_months: 60", "horizon_months: 2147483647", "horizon_months",
                        "horizon_months: must be at most 1200, got 2147483647"),
                Arguments.of("initial caseload of 2e9", "  rehab: 30\n", "  rehab: 2000000000\n", "rehab: 2000000000",
                        "initial_caseload.rehab: must be at most 10000000, got 2000000000"),
                Arguments.of("seasonality multiplier 1e300", "[1.05, 1.05,", "[1e300, 1.05,", "1e300",
                        "arrivals.seasonality_multipliers.0: must be at most 100, got 1.0E300"),
                Arguments.of("step multiplier 1e300", "  steps: []", "  steps: [{from_month: 2, multiplier: 1e300}]", "steps:",
                        "arrivals.steps.0.multiplier: must be at most 100, got 1.0E300"),
                Arguments.of("staff_fte 1e300", "staff_fte: 36,", "staff_fte: 1e300,", "staff_fte: 1e300",
                        "pathways.intensive_keywork.capacity.staff_fte: must be at most 1000000, got 1.0E300"),
                Arguments.of("change_pct 1e300", "  changes: []", "  changes: [{from_month: 1, change_pct: 1e300}]", "changes:",
                        "budget.changes.0.change_pct: must be at most 1000, got 1.0E300"),
                Arguments.of("Weibull shape 1e-300", "{dist: exponential, mean: 1.5}", "{dist: weibull, shape: 1e-300, scale: 2}",
                        "weibull", "assessment.service_days.shape: must be at least 0.1, got 1.0E-300"),
                Arguments.of("zero-delay transfer cycle", "(see zeroDayCycle)", "", "transfer_to: {intensive",
                        "pathways long_arm_prescribing and intensive_keywork send people to each other"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void refusedAtLoadWithFileLineAndField(String what, String from, String to, String lineFragment, String expected,
                                           @TempDir Path dir) throws IOException {
        Path bad = what.startsWith("zero-delay") ? zeroDayCycle(dir) : leedsWith(dir, from, to);
        Outcome o = runWithin(bad, dir);  // the file as written: no --set that could hide the mistake
        assertEquals(2, o.exit(), what + ": " + o.err());
        assertTrue(o.err().contains(expected), what + ": expected '" + expected + "' in: " + o.err());
        assertTrue(o.err().contains(bad + ":" + lineOf(bad, lineFragment) + ":"), what + ": no file:line in " + o.err());
        assertOneCleanLine(o.err(), what);
        assertFalse(Files.exists(dir.resolve("out")), what + ": output folder was created");
    }

    /** Long-arm prescribing and intensive keywork transfer to each other after a fixed stay of 0 days. */
    private static Path zeroDayCycle(Path dir) throws IOException {
        Path f = leedsWith(dir, "transfer: {probability: 0.35, days: {dist: lognormal, median: 400, sigma: 0.8}}",
                "transfer: {probability: 0.35, days: {dist: fixed, value: 0}}");
        String text = Files.readString(f).replace("transfer: {probability: 0.25, days: {dist: lognormal, median: 300, sigma: 0.8}}",
                "transfer: {probability: 0.25, days: {dist: empirical, values: [0, 3]}}");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readyToChangeOfOneRuns(@TempDir Path dir) throws IOException {
        // Nobody is then "unlikely to change", so long-arm prescribing (routed only those) is fed by transfers;
        // its initial caseload used to crash looking for referrals that could reach it.
        Path f = leedsWith(dir, "    opiate: 0.55\n", "    opiate: 1\n");
        Outcome o = execute(Stream.concat(Stream.of("run", f.toString(), "--replications", "2", "--out",
                dir.resolve("out").toString()), Stream.of(SHORT)).toArray(String[]::new));
        assertEquals(0, o.exit(), o.err());
        assertTrue(Files.exists(dir.resolve("out").resolve("summary.csv")));
    }

    @Test
    void aZeroDelayLoopThroughRelapseStopsWithACause(@TempDir Path dir) throws IOException {
        // Zero-day assessment, drop-out after 0 days, relapse and re-presentation at once: a loop through
        // after_exit that validation does not trace, caught by the engine's stalled-time guard.
        Path f = leedsWith(dir, "{dist: exponential, mean: 1.5}", "{dist: fixed, value: 0}");
        String text = Files.readString(f)
                .replace("complete: {probability: 0.60, days: {dist: lognormal, median: 150, sigma: 0.6}}",
                        "complete: {probability: 0, days: {dist: fixed, value: 9}}")
                .replace("dropout:  {probability: 0.32, days: {dist: lognormal, median: 90, sigma: 0.9}}\n"
                                + "        transfer: {probability: 0.08, days: {dist: lognormal, median: 120, sigma: 0.8}}",
                        "dropout:  {probability: 1, days: {dist: fixed, value: 0}}\n"
                                + "        transfer: {probability: 0, days: {dist: fixed, value: 9}}")
                .replace("relapse_after_dropout:\n    probability: {default: 0.9}\n    days: {dist: exponential, mean: 60}",
                        "relapse_after_dropout:\n    probability: {default: 1}\n    days: {dist: fixed, value: 0}")
                .replace("probability: {opiate: 0.7, default: 0.5}\n    delay_days: {dist: exponential, mean: 120}",
                        "probability: {default: 1}\n    delay_days: {dist: fixed, value: 0}");
        assertEquals(5, text.split("value: 0}", -1).length - 1, "fixture text not found");
        Files.writeString(f, text);
        Outcome o = runWithin(f, dir, SHORT);
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("scenario 'leeds', replication ") && o.err().contains("simulated time stopped advancing at day"),
                o.err());
        assertOneCleanLine(o.err(), "zero-delay loop");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void moreEventsThanTheLimitAreRefusedBeforeRunning(@TempDir Path dir) {
        Outcome o = Assertions.assertTimeoutPreemptively(LIMIT, () -> execute("run", "scenarios/leeds.yaml", "--replications", "2",
                "--max-events", "100000", "--out", dir.resolve("out").toString()));
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("scenario 'leeds' needs about ") && o.err().contains("more than the limit of 100,000")
                && o.err().contains("--max-events"), o.err());
        assertOneCleanLine(o.err(), "max events");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void twoBillionReplicationsAreRefusedForMemory(@TempDir Path dir) {
        // Results are summarised as they come and their values kept on disk; what stays in memory is
        // an index entry per replication, which two billion replications would not fit.
        Outcome o = Assertions.assertTimeoutPreemptively(LIMIT, () -> execute("run", "scenarios/leeds.yaml",
                "--replications", "2000000000", "--out", dir.resolve("out").toString()));
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("keeping track of 2,000,000,000 replications") && o.err().contains("-Xmx"), o.err());
        assertOneCleanLine(o.err(), "replications");
    }

    @Test
    void warmupMonthsAreBounded(@TempDir Path dir) {
        for (String months : new String[] {"100000000", "1e8"}) {
            Outcome o = Assertions.assertTimeoutPreemptively(LIMIT, () -> execute("warmup", "scenarios/leeds.yaml", "--months", months,
                    "--out", dir.resolve("out").toString()));
            assertEquals(2, o.exit(), months + ": " + o.err());
            assertTrue(o.err().contains("--months"), o.err());
            assertOneCleanLine(o.err(), "warmup --months " + months);
        }
    }

    @Test
    void aDeepChainOfExtendsIsRefusedNamingItsStart(@TempDir Path dir) throws IOException {
        int depth = 3000;
        for (int i = 0; i < depth; i++) {
            String body = i == depth - 1 ? "name: deep\n" : "extends: f" + (i + 1) + ".yaml\n";
            Files.writeString(dir.resolve("f" + i + ".yaml"), body);
        }
        Outcome o = Assertions.assertTimeoutPreemptively(LIMIT, () -> execute("validate", dir.resolve("f0.yaml").toString()));
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains(dir.resolve("f0.yaml") + ":1:10: extends: the chain of extends starting at "
                + dir.resolve("f0.yaml") + " is more than 32 files deep"), o.err());
        assertOneCleanLine(o.err(), "extends");
    }

    private static Outcome runWithin(Path scenario, Path dir, String... extra) {
        String[] args = Stream.concat(Stream.of("run", scenario.toString(), "--replications", "2", "--out",
                dir.resolve("out").toString()), Stream.of(extra)).toArray(String[]::new);
        return Assertions.assertTimeoutPreemptively(LIMIT, () -> execute(args));
    }

    static void assertOneCleanLine(String err, String what) {
        String e = err.strip();
        assertEquals(1, e.lines().count(), what + ": more than one line: " + e);
        assertTrue(e.startsWith("caseload: error: "), what + ": " + e);
        assertFalse(e.contains("Exception") || e.contains("\tat ") || e.contains("Error:"), what + ": stack trace: " + e);
    }
}
