package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sweep, psa and sensitivity through the real command line: byte-identical files whatever the
 * thread count, every file and chart written, and bad input refused like run (exit 2, one
 * line, no output folder).
 */
class AnalysisCommandsTest {
    private static final String OPEN = "src/test/resources/analysis/open-stay.yaml";
    private static final String QUEUE = "src/test/resources/validation/queue.yaml";
    private static final String[] SHORT = {"--set", "horizon_months=12", "--set", "warmup_months=6"};

    static BadInputTest.Outcome run(String... args) {
        return BadInputTest.execute(args);
    }

    static String[] with(String[] a, String... more) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(more));
        l.addAll(List.of(SHORT));
        return l.toArray(new String[0]);
    }

    static Stream<Arguments> analyses() {
        return Stream.of(
                Arguments.of("sweep", new String[] {"sweep", OPEN, "--vary", "pathways.open.episodes.default.complete.days.mean=20:40:10",
                        "--target", "in_treatment_mean>=50", "--replications", "3"}, List.of("sweep.csv", "charts/dose_response.png")),
                Arguments.of("two-way sweep", new String[] {"sweep", QUEUE, "--vary", "assessment.workers=11:12:1", "--vary",
                        "arrivals.rate_per_month=250:300:50", "--replications", "2"}, List.of("sweep.csv", "charts/dose_response.svg")),
                Arguments.of("psa", new String[] {"psa", OPEN, "--samples", "8", "--replications", "2", "--sampling", "sobol"},
                        List.of("psa.csv", "psa_summary.csv", "charts/psa_in_treatment_mean.png")),
                Arguments.of("tornado", new String[] {"sensitivity", OPEN, "--method", "tornado", "--replications", "2"},
                        List.of("tornado.csv", "charts/tornado_in_treatment_mean.png")),
                Arguments.of("morris", new String[] {"sensitivity", OPEN, "--method", "morris", "--trajectories", "3"},
                        List.of("morris.csv", "charts/morris_in_treatment_mean.png")),
                Arguments.of("sobol", new String[] {"sensitivity", OPEN, "--method", "sobol", "--samples", "4", "--bootstrap", "200"},
                        List.of("sobol.csv", "charts/sobol_in_treatment_mean.png")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("analyses")
    void sameSeedSameBytesWhateverTheThreadCount(String name, String[] args, List<String> files, @TempDir Path dir)
            throws IOException {
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        BadInputTest.Outcome a = run(with(args, "--threads", "1", "--seed", "5", "--out", one.toString()));
        assertEquals(0, a.exit(), a.err());
        BadInputTest.Outcome b = run(with(args, "--threads", "3", "--seed", "5", "--out", three.toString()));
        assertEquals(0, b.exit(), b.err());
        for (String f : files) assertTrue(Files.size(one.resolve(f)) > 0, f);
        assertTrue(Files.readString(one.resolve("report.html")).contains("<img"), "report.html has its charts");
        // Every file, charts and report included; sensitivity's manifest alone records threads and wall time.
        try (Stream<Path> all = Files.walk(one)) {
            List<Path> written = all.filter(Files::isRegularFile).toList();
            assertTrue(written.size() > files.size(), "charts and report besides " + files);
            for (Path f : written) {
                Path rel = one.relativize(f);
                if (name.equals("tornado") || name.equals("morris") || name.equals("sobol")) {
                    if (rel.toString().equals("manifest.json")) continue;
                }
                assertEquals(-1, Files.mismatch(f, three.resolve(rel)), rel + ": 1 vs 3 threads");
            }
        }
        assertEquals(a.out().lines().filter(l -> !l.contains(" s -> ")).toList(),
                b.out().lines().filter(l -> !l.contains(" s -> ")).toList(), "printed findings");
    }

    @Test
    void goalSeekIsSaidInASentence(@TempDir Path dir) {
        BadInputTest.Outcome o = run(with(new String[] {"sweep", OPEN, "--vary",
                "pathways.open.episodes.default.complete.days.mean=20:60:10", "--target", "in_treatment_mean>=70",
                "--replications", "3", "--out", dir.resolve("g").toString()}));
        assertEquals(0, o.exit(), o.err());
        // lambda = 60 a month ~ 1.97 a day: mean stay 40 gives ~79 people, 30 gives ~59.
        assertTrue(o.out().contains("The smallest level of mean that meets in_treatment_mean >= 70 with 95% confidence is 40"),
                o.out());
    }

    @Test
    void goalSeekDownAFallingAxisNamesTheLargestLevelAndTinyPValuesAreNotPrintedAsZero(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("down");
        BadInputTest.Outcome o = run(with(new String[] {"sweep", OPEN, "--vary",
                "pathways.open.episodes.default.complete.days.mean=60:20:-10", "--target", "in_treatment_mean<=70",
                "--replications", "10", "--out", out.toString()}));
        assertEquals(0, o.exit(), o.err());
        // Going down from 60: a mean stay of 40 gives ~79 people, 30 ~59, so 30 is the first (the largest) to meet it.
        assertTrue(o.out().contains("The largest level of mean that meets in_treatment_mean <= 70 with 95% confidence is 30"),
                o.out());
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int p = header.indexOf("p_value");
        int adjusted = header.indexOf("p_adjusted");
        boolean tiny = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertFalse(f[p].equals("0") || f[adjusted].equals("0"), "a p-value printed as 0: " + line);
            tiny |= f[p].equals("<0.0001");
        }
        assertTrue(tiny, "a stay 10 days shorter moves the caseload by ~20 people, far beyond noise: some p < 0.0001");
        assertTrue(Files.readString(out.resolve("report.html")).contains("verdict of worse at alpha 0.05 after adjustment"));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(new String[] {"sweep", OPEN, "--vary", "pathways.open.nope=1:2:1"}, "does not exist"),
                Arguments.of(new String[] {"sweep", OPEN, "--vary", "horizon_months=1:3"}, "expected PATH=FROM:TO:STEP"),
                Arguments.of(new String[] {"sweep", OPEN, "--vary", "assessment.workers=2:0:1"}, "goes away from TO"),
                Arguments.of(new String[] {"sweep", OPEN, "--vary", "after_exit.represent.probability.default=0:2:1"},
                        "must be a probability between 0 and 1"),
                Arguments.of(new String[] {"sweep", OPEN, "--vary", "assessment.workers=1:2:1", "--target", "in_treatmnt_mean<3"},
                        "did you mean 'in_treatment_mean'"),
                Arguments.of(new String[] {"sweep", OPEN, "--vary", "assessment.workers=1:2:1", "--target", "waits are short"},
                        "expected METRIC<=VALUE"),
                Arguments.of(new String[] {"sensitivity", OPEN, "--method", "sobol", "--bootstrap", "2147483647"},
                        "--bootstrap must be 100 to 100000"),
                Arguments.of(new String[] {"sensitivity", OPEN, "--method", "morris", "--trajectories", "2147483647"},
                        "design points x 2 replications is too large"),
                Arguments.of(new String[] {"psa", QUEUE}, "has no uncertainty section"),
                Arguments.of(new String[] {"psa", OPEN, "--sampling", "sobol", "--samples", "10"}, "power of two"),
                Arguments.of(new String[] {"psa", OPEN, "--sampling", "halton"}, "lhs or sobol"),
                Arguments.of(new String[] {"psa", OPEN, "--replications", "1"}, "at least 2"),
                Arguments.of(new String[] {"sensitivity", OPEN, "--method", "fast"}, "tornado, morris or sobol"),
                Arguments.of(new String[] {"sensitivity", OPEN, "--method", "sobol", "--samples", "6"}, "power of two"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void badInputIsRefusedLikeRun(String[] args, String expected, @TempDir Path dir) {
        Path out = dir.resolve("out");
        BadInputTest.Outcome o = run(with(args, "--out", out.toString()));
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(out), "no output folder after a refusal");
    }

    /** A refused --vary path is blamed on --vary, the option typed, never on --set. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"pathways.open.nope=1:2:1", "pathways=1:2:1", "name=1:2:1",
            "after_exit.represent.probability.default=0:2:1"})
    void aRefusedVaryNamesVary(String vary, @TempDir Path dir) {
        Path out = dir.resolve("out");
        BadInputTest.Outcome o = run(new String[] {"sweep", OPEN, "--vary", vary, "--out", out.toString()});
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("--vary"), o.err());
        assertFalse(o.err().contains("--set"), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
    }

    @Test
    void psaScenariosMustShareTheirUncertainParameters(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "extends: " + Path.of(OPEN).toAbsolutePath() + "\nname: other\nuncertainty:\n"
                + "  arrivals.rate_per_month: {dist: uniform, min: 50, max: 70}\n");
        BadInputTest.Outcome o = run(with(new String[] {"psa", OPEN, other.toString(), "--out", dir.resolve("x").toString()}));
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("declares different uncertain parameters"), o.err());
    }
}
