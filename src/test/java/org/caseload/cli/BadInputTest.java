package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every kind of user mistake gets one message naming file, line and field, exit code 2, no
 * stack trace, and no output folder.
 */
class BadInputTest {
    private static final Path LEEDS = Path.of("scenarios/leeds.yaml");
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/base.yaml");

    record Outcome(int exit, String out, String err) {
    }

    static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Writes leeds.yaml with one text replacement into dir, returning the path. */
    static Path leedsWith(Path dir, String from, String to) throws IOException {
        String text = Files.readString(FIXTURE, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "fixture text not found: " + from);
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, text.replace(from, to), StandardCharsets.UTF_8);
        return f;
    }

    static int lineOf(Path file, String fragment) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(fragment)) return i + 1;
        throw new AssertionError("not in file: " + fragment);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("typo in a key", "  rate_per_month: 183", "  rate_per_mnth: 183", "rate_per_mnth",
                        "arrivals.rate_per_mnth: unknown field; did you mean 'rate_per_month'?"),
                Arguments.of("wrong type", "  rate_per_month: 183", "  rate_per_month: lots", "rate_per_month: lots",
                        "arrivals.rate_per_month: expected a number, got 'lots'"),
                Arguments.of("negative rate", "  rate_per_month: 183", "  rate_per_month: -5", "rate_per_month: -5",
                        "arrivals.rate_per_month: must be 0 or more, got -5"),
                Arguments.of("probability above 1", "    opiate: 0.55\n", "    opiate: 1.55\n", "opiate: 1.55",
                        "clients.ready_to_change.opiate: must be a probability between 0 and 1, got 1.55"),
                Arguments.of("shares not summing to 1", "alcohol: 0.45}", "alcohol: 0.55}", "group_shares",
                        "clients.group_shares: shares must add up to 1, they add up to 1.1"),
                Arguments.of("unknown pathway in a route", "    pathway: long_arm_prescribing", "    pathway: long_arm_prescribng",
                        "long_arm_prescribng", "routing.0.pathway: unknown pathway 'long_arm_prescribng'; did you mean 'long_arm_prescribing'?"),
                Arguments.of("unknown distribution", "{dist: exponential, mean: 1.5}", "{dist: exponental, mean: 1.5}",
                        "exponental", "assessment.service_days.dist: unknown distribution 'exponental'; did you mean 'exponential'?"),
                Arguments.of("unknown capacity kind", "capacity: {kind: places, places: 30}", "capacity: {kind: beds, places: 30}",
                        "kind: beds", "pathways.rehab.capacity.kind: unknown value 'beds'"),
                Arguments.of("duplicate key", "horizon_months: 60\n", "horizon_months: 60\nhorizon_months: 70\n",
                        "horizon_months: 70", "horizon_months: duplicate field (first at line"),
                Arguments.of("malformed YAML", "  rate_per_month: 183", "  rate_per_month: [195", "rate_per_month: [195",
                        "malformed YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void oneClearMessageWithFileLineAndField(String what, String from, String to, String lineFragment, String expected,
                                             @TempDir Path dir) throws IOException {
        Path bad = leedsWith(dir, from, to);
        Path out = dir.resolve("out");
        Outcome o = execute("run", bad.toString(), "--replications", "2", "--out", out.toString());
        assertEquals(2, o.exit(), what + ": " + o.err());
        String err = o.err().strip();
        assertTrue(err.contains(expected), what + ": expected '" + expected + "' in: " + err);
        if (!what.equals("malformed YAML")) {
            int line = lineOf(bad, lineFragment);
            assertTrue(err.contains(bad + ":" + line + ":"), what + ": expected line " + line + " in: " + err);
        } else {
            assertTrue(err.matches("(?s).*bad\\.yaml:\\d+:\\d+: .*"), what + ": no file:line in " + err);
        }
        assertEquals(1, err.lines().count(), what + ": more than one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), what + ": stack trace: " + err);
        assertFalse(Files.exists(out), what + ": output folder was created");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(bad), left.toList(), what + ": stray files left behind");
        }
    }

    /**
     * A name too long for a file name used to pass validate and then stop run with exit 3
     * ("File name too long" creating the output folder); both now refuse it at the name's line.
     */
    @Test
    void aNameTooLongForAFolderIsRefusedByValidateAndRun(@TempDir Path dir) throws IOException {
        String longName = "a".repeat(300);
        Path bad = leedsWith(dir, "name: leeds", "name: " + longName);
        String expected = bad + ":" + lineOf(bad, "name: aaa") + ":7: name: at most 64 characters";
        Path out = dir.resolve("out");
        for (Outcome o : List.of(execute("validate", bad.toString()),
                execute("run", bad.toString(), "--replications", "2", "--out", out.toString()))) {
            assertEquals(2, o.exit(), o.err());
            assertTrue(o.err().contains(expected), "expected '" + expected + "' in: " + o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
        assertFalse(Files.exists(out));
        Outcome set = execute("validate", LEEDS.toString(), "--set", "name=" + "b".repeat(65));
        assertEquals(2, set.exit(), set.err());
        assertTrue(set.err().contains("--set: name: at most 64 characters (it names the output folder), got 65"), set.err());
        assertEquals(0, execute("validate", LEEDS.toString(), "--set", "name=" + "b".repeat(64)).exit());
    }

    /** 0x10 was 16 in a file but refused by --set as not a number; both now refuse it with one message. */
    @Test
    void aHexNumberIsRefusedAlikeInAFileAndByTheSet(@TempDir Path dir) throws IOException {
        String problem = "arrivals.rate_per_month: write numbers in decimal: '0x10' is the hexadecimal number 16";
        Path hex = leedsWith(dir, "  rate_per_month: 183", "  rate_per_month: 0x10");
        Outcome inFile = execute("validate", hex.toString());
        assertEquals(2, inFile.exit(), inFile.err());
        assertTrue(inFile.err().contains(hex + ":" + lineOf(hex, "0x10") + ":19: " + problem), inFile.err());
        Outcome bySet = execute("validate", LEEDS.toString(), "--set", "arrivals.rate_per_month=0x10");
        assertEquals(2, bySet.exit(), bySet.err());
        assertTrue(bySet.err().contains("--set: " + problem), bySet.err());
        for (Outcome o : List.of(inFile, bySet)) assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    /**
     * A number readers could take two ways was read one way by a file and another by --set
     * (1_000 was 1000 in a file and text to --set; 010 refused in a file, 10 to --set; 08 text
     * in a file, 8 to --set). Both now refuse it, with one message saying how to write it.
     */
    @ParameterizedTest
    @MethodSource("unclearNumbers")
    void aNumberThatCouldBeReadTwoWaysIsRefusedAlikeInAFileAndByTheSet(String written, String problem) throws IOException {
        Path dir = Files.createTempDirectory("unclear-number");
        Path file = leedsWith(dir, "  rate_per_month: 183", "  rate_per_month: " + written);
        Outcome inFile = execute("validate", file.toString());
        assertEquals(2, inFile.exit(), inFile.err());
        String expected = file + ":" + lineOf(file, "rate_per_month: " + written) + ":19: arrivals.rate_per_month: " + problem;
        assertTrue(inFile.err().contains(expected), "expected '" + expected + "' in: " + inFile.err());
        Outcome bySet = execute("validate", LEEDS.toString(), "--set", "arrivals.rate_per_month=" + written);
        assertEquals(2, bySet.exit(), bySet.err());
        assertTrue(bySet.err().contains("--set: arrivals.rate_per_month: " + problem), bySet.err());
        for (Outcome o : List.of(inFile, bySet)) assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    static Stream<Arguments> unclearNumbers() {
        return Stream.of(
                Arguments.of("1_000", "write numbers without underscores: write '1_000' as 1000"),
                Arguments.of("010", "write numbers without a leading zero: '010' could mean 10 or the octal number 8"),
                Arguments.of("08", "write numbers without a leading zero: write '08' as 8"),
                Arguments.of("0010.5", "write numbers without a leading zero: write '0010.5' as 10.5"),
                Arguments.of("1_0.5", "write numbers without underscores: write '1_0.5' as 10.5"),
                Arguments.of("0x10", "write numbers in decimal: '0x10' is the hexadecimal number 16"),
                Arguments.of("1,000", "expected a number, got '1,000' (write numbers without thousands separators: 1000)"),
                Arguments.of("-12,345.5", "expected a number, got '-12,345.5' (write numbers without thousands separators: -12345.5)"));
    }

    @Test
    void missingExtendsFileNamesTheExtendsLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("child.yaml");
        Files.writeString(f, "# a child\nextends: nope.yaml\nname: child\n");
        Outcome o = execute("validate", f.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains(f + ":2:10: extends: file 'nope.yaml' not found"), o.err());
    }

    @Test
    void errorsInInheritedValuesNameTheParentFile(@TempDir Path dir) throws IOException {
        Path parent = leedsWith(dir, "  rate_per_month: 183", "  rate_per_month: -1");
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "extends: bad.yaml\nname: child\n");
        Outcome o = execute("validate", child.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains(dir.resolve("bad.yaml") + ":" + lineOf(parent, "rate_per_month: -1") + ":"), o.err());
    }

    @Test
    void setPathThatDoesNotExist() {
        Outcome o = execute("validate", LEEDS.toString(), "--set", "arrivals.rate_per_mont=300");
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("--set: arrivals.rate_per_mont: no field 'rate_per_mont' at 'arrivals.rate_per_mont'; "
                + "did you mean 'rate_per_month'?"), o.err());
    }

    @Test
    void setOnASectionOrOutOfRangeIndex() {
        Outcome section = execute("validate", LEEDS.toString(), "--set", "arrivals=3");
        assertEquals(2, section.exit());
        assertTrue(section.err().contains("not a single value"), section.err());
        Outcome index = execute("validate", LEEDS.toString(), "--set", "routing.5.pathway=rehab");
        assertEquals(2, index.exit());
        assertTrue(index.err().contains("index 5 is out of range: the list has 2 element(s)"), index.err());
    }

    @Test
    void setValueIsValidatedLikeTheFile() {
        Outcome o = execute("validate", LEEDS.toString(), "--set", "arrivals.rate_per_month=-3");
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("--set: arrivals.rate_per_month: must be 0 or more, got -3"), o.err());
    }

    /**
     * A mistake that a --set value causes is reported at the --set, even where the check reads
     * more than that value (shares adding up to 1, one field compared with another, a kind or
     * a distribution deciding which fields are needed): the file's line holds a value that is
     * no longer used, or one that was fine until the --set.
     */
    static Stream<Arguments> mistakesCausedBySet() {
        return Stream.of(
                Arguments.of("a value set to null", "", "", "arrivals.rate_per_month=null",
                        "--set: arrivals.rate_per_month: needs a value"),
                Arguments.of("shares no longer adding up to 1", "", "", "clients.group_shares.opiate=0.9",
                        "--set: clients.group_shares: shares must add up to 1, they add up to 1.68"),
                Arguments.of("an outcome's probabilities", "", "", "pathways.rehab.episodes.default.complete.probability=0.9",
                        "--set: pathways.rehab.episodes.default: shares must add up to 1, they add up to 1.6"),
                Arguments.of("caseload above the file's maximum", "", "", "pathways.intensive_keywork.capacity.caseload_per_fte=200",
                        "--set: pathways.intensive_keywork.capacity.max_caseload_per_fte: must be at least caseload_per_fte (200), got 100"),
                Arguments.of("a capacity kind needing another field", "", "", "pathways.rehab.capacity.kind=caseload",
                        "--set: pathways.rehab.capacity.caseload_per_fte: missing required field"),
                Arguments.of("a distribution needing other parameters", "", "", "assessment.service_days.dist=gamma",
                        "--set: assessment.service_days.shape: missing required field"),
                Arguments.of("a distribution whose parameters are now unknown", "", "",
                        "pathways.rehab.episodes.default.complete.days.dist=exponential",
                        "--set: pathways.rehab.episodes.default.complete.days.shape: unknown field"),
                Arguments.of("a uniform's min above the file's max", "patience_days: {dist: exponential, mean: 30}",
                        "patience_days: {dist: uniform, min: 10, max: 50}", "assessment.patience_days.min=60",
                        "--set: assessment.patience_days.max: must be at least min (60), got 50"),
                Arguments.of("a lognormal's mean against the file's sd", "service_days: {dist: exponential, mean: 1.5}",
                        "service_days: {dist: lognormal, mean: 1.5, sd: 1000}", "assessment.service_days.mean=0.001",
                        "--set: assessment.service_days.sd: with mean 0.001 it implies a sigma"),
                Arguments.of("a horizon ending before a budget change", "  changes: []", "  changes: [{from_month: 24, change_pct: -10}]",
                        "horizon_months=12", "--set: budget.changes.0.from_month: is at or after the end of the run (horizon_months 12)"),
                Arguments.of("an allocation rule that takes no protected list", "allocation: {rule: proportional}",
                        "allocation: {rule: protect, protect: [rehab]}", "budget.allocation.rule=shared",
                        "--set: budget.allocation.protect: only used with rule 'protect'"),
                Arguments.of("routing rules that no longer cover every client", "  - pathway: intensive_keywork",
                        "  - group: [opiate, non_opiate, non_opiate_and_alcohol, alcohol]\n    pathway: intensive_keywork",
                        "routing.1.group.3=opiate", "--set: routing: no rule routes alcohol clients"),
                Arguments.of("a stay that makes a cycle of transfers take no time", "\npathways:\n", pingPong(5),
                        "pathways.pong.episodes.default.transfer.days.value=0",
                        "--set: pathways.ping.transfer_to: pathways ping and pong send people to each other (ping -> pong -> ping)"));
    }

    /**
     * The fixture's {@code pathways:} line followed by two pathways, ping and pong, that transfer
     * to each other, ping after 0 days and pong after {@code pongDays}.
     */
    static String pingPong(int pongDays) {
        String outcomes = "{transfer: {probability: 1, days: {dist: fixed, value: %d}}, dropout: {probability: 0, days: {dist: fixed, value: 1}}}";
        return "\npathways:\n"
                + "  ping: {capacity: {kind: open}, episodes: {default: " + outcomes.formatted(0) + "}, transfer_to: {pong: 1}}\n"
                + "  pong: {capacity: {kind: open}, episodes: {default: " + outcomes.formatted(pongDays) + "}, transfer_to: {ping: 1}}\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakesCausedBySet")
    void aMistakeASetCausesIsReportedAtTheSet(String what, String from, String to, String set, String expected,
                                              @TempDir Path dir) throws IOException {
        Path file = from.isEmpty() ? FIXTURE : leedsWith(dir, from, to);
        assertEquals(0, execute("validate", file.toString()).exit(), what + ": the file alone must be valid");
        Outcome o = execute("validate", file.toString(), "--set", set);
        assertEquals(2, o.exit(), what + ": " + o.err());
        assertTrue(o.err().strip().startsWith("caseload: error: " + expected), what + ": expected '" + expected + "' in: " + o.err());
    }

    @Test
    void aMistakeInTheFileIsStillReportedAtItsLineBesideAnUnrelatedSet(@TempDir Path dir) throws IOException {
        Path bad = leedsWith(dir, "alcohol: 0.45}", "alcohol: 0.55}");
        Outcome sum = execute("validate", bad.toString(), "--set", "clients.ready_to_change.opiate=0.5");
        assertTrue(sum.err().contains(bad + ":" + lineOf(bad, "group_shares") + ":"), sum.err());
        Path self = leedsWith(dir, "transfer_to: {rehab: 0.35, long_arm_prescribing: 0.65}",
                "transfer_to: {rehab: 0.35, intensive_keywork: 0.65}");
        Outcome o = execute("validate", self.toString(), "--set", "pathways.intensive_keywork.capacity.staff_fte=30");
        assertTrue(o.err().contains(self + ":" + lineOf(self, "intensive_keywork: 0.65") + ":"), o.err());
        // A dropout's stay set in a pathway of a zero-day cycle the file already has cannot have made the cycle.
        Path cycle = leedsWith(dir, "\npathways:\n", pingPong(0));
        Outcome c = execute("validate", cycle.toString(), "--set", "pathways.pong.episodes.default.dropout.days.value=3");
        assertTrue(c.err().contains(cycle + ":" + lineOf(cycle, "transfer_to: {pong") + ":"), c.err());
    }

    @Test
    void oneNameSetForSeveralScenariosIsReportedAtTheSet(@TempDir Path dir) throws IOException {
        Path other = leedsWith(dir, "name: leeds", "name: other");
        Outcome o = execute("run", FIXTURE.toString(), other.toString(), "--set", "name=same", "--replications", "2",
                "--out", dir.resolve("out").toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("--set: name: gives every scenario the name 'same'"), o.err());
        assertFalse(o.err().contains("edit 'name:'"), o.err());
    }

    @Test
    void missingScenarioFile(@TempDir Path dir) {
        Outcome o = execute("run", dir.resolve("nothing.yaml").toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("nothing.yaml: cannot read file: no such file"), o.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void aFolderOrALongTextIsNamedForWhatItIs(@TempDir Path dir) throws IOException {
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "extends: " + dir.toAbsolutePath() + "\nname: x\n");
        Outcome folder = execute("validate", child.toString());
        assertEquals(2, folder.exit(), folder.err());
        assertTrue(folder.err().contains("is a folder, not a file"), folder.err());
        // A text file given as a scenario is one long value: the message quotes its start, not all of it.
        Path csv = dir.resolve("summary.csv");
        Files.writeString(csv, "scenario,metric,value\n".repeat(2000));
        Outcome text = execute("validate", csv.toString());
        assertEquals(2, text.exit(), text.err());
        assertTrue(text.err().length() < 400 && text.err().contains("characters)"), text.err().length() + " characters: "
                + text.err().substring(0, Math.min(200, text.err().length())));
    }

    @Test
    void badOptionValues() {
        assertEquals(2, execute("run", LEEDS.toString(), "--replications", "0").exit());
        assertEquals(2, execute("run", LEEDS.toString(), "--threads", "zero").exit());
        assertEquals(2, execute("run").exit());
        Outcome reps = execute("bench", LEEDS.toString(), "--replications", "0");
        assertEquals(2, reps.exit());
        assertTrue(reps.err().contains("--replications must be at least 1 (got 0)"), reps.err());
        Outcome threads = execute("run", LEEDS.toString(), "--threads", "2147483647", "--replications", "2");
        assertEquals(2, threads.exit(), threads.err());
        assertTrue(threads.err().contains("--threads must be at most 4096 (got 2147483647)"), threads.err());
        // BigDecimal would read full-width digits; the scenario reader cannot: a --set value is text unless ASCII digits.
        Outcome digits = execute("validate", LEEDS.toString(), "--set", "horizon_months=\uff13");
        assertEquals(2, digits.exit(), digits.err());
        assertTrue(digits.err().contains("--set: horizon_months: expected a number, got '\uff13'"), digits.err());
        Outcome serve = execute("serve", "--results", LEEDS.toString());
        assertEquals(2, serve.exit(), serve.err());
        assertTrue(serve.err().contains("is a file, not a folder"), serve.err());
        Outcome cap = execute("run", LEEDS.toString(), "--max-replications", "20", "--replications", "2");
        assertEquals(2, cap.exit(), cap.err());
        assertTrue(cap.err().contains("--max-replications caps --precision"), cap.err());
        Outcome warmup = execute("bench", LEEDS.toString(), "--warmup", "-1");
        assertEquals(2, warmup.exit());
        assertTrue(warmup.err().contains("--warmup must be 0 or more (got -1)"), warmup.err());
        Outcome rounds = execute("bench", LEEDS.toString(), "--rounds", "0");
        assertEquals(2, rounds.exit());
        assertTrue(rounds.err().contains("--rounds must be at least 1 (got 0)"), rounds.err());
    }

    /** bench's speed-up is the median of rounds timed on one thread and on T: one line a round, then the median. */
    @Test
    void benchTimesRoundsOnOneThreadAndOnT() {
        Outcome o = execute("bench", LEEDS.toString(), "--replications", "2", "--warmup", "0", "--threads", "2",
                "--rounds", "2", "--set", "horizon_months=6", "--set", "warmup_months=0");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("round 1: 1 thread "), o.out());
        assertTrue(o.out().contains("round 2: 1 thread "), o.out());
        assertFalse(o.out().contains("round 3:"), o.out());
        assertTrue(o.out().matches("(?s).*2 threads: speed-up [0-9.]+x over one thread \\(median of 2 rounds, [0-9.]+-[0-9.]+x\\).*"), o.out());
    }

    @Test
    void validFilesValidate() {
        Outcome o = execute("validate", LEEDS.toString(), "scenarios/leeds-cut-10.yaml");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("leeds-cut-10.yaml: ok"), o.out());
    }
}
