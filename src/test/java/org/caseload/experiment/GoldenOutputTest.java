package org.caseload.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden outputs: every shipped scenario ({@code scenarios/*.yaml}, not {@code scenarios/targets})
 * is run through the experiment layer at seed {@value #SEED}, {@value #REPLICATIONS} replications,
 * a short run ({@code horizon_months} {@value #HORIZON_MONTHS}, {@code warmup_months}
 * {@value #WARMUP_MONTHS}), and every replication's metrics and monthly series are written in a
 * bit-exact text form ({@link Double#toString}, which round-trips; {@code NaN} as {@code NaN})
 * and compared byte for byte with {@code src/test/resources/golden/<file>.txt}.
 *
 * <p>This catches any change in the model's numbers, however small, independently of how reports
 * and CSV files format them. A refactoring must leave these files unchanged. A change that moves
 * the numbers on purpose regenerates them in its own commit, saying which numbers moved and why:
 *
 * <pre>mvn -B -q test -Dtest=GoldenOutputTest -Dgolden.update=true</pre>
 *
 * <p>With {@code golden.update=true} the files are rewritten (and files of scenarios that no
 * longer exist are removed) instead of compared; review {@code git diff src/test/resources/golden}
 * before committing.
 */
class GoldenOutputTest {
    static final Path SCENARIOS = Path.of("scenarios");
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final long SEED = 1;
    static final int REPLICATIONS = 3;
    static final int HORIZON_MONTHS = 24;
    static final int WARMUP_MONTHS = 12;
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static List<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".yaml"))
                    .sorted().toList();
        }
    }

    static Path goldenFile(Path scenarioFile) {
        String name = scenarioFile.getFileName().toString();
        return GOLDEN.resolve(name.substring(0, name.length() - ".yaml".length()) + ".txt");
    }

    /** The bit-exact text of one scenario's replications: the golden file's content. */
    static String render(Path file, ScenarioResult result) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(file.getFileName()).append(" seed ").append(SEED).append(" replications ")
                .append(REPLICATIONS).append(" horizon_months ").append(HORIZON_MONTHS).append(" warmup_months ")
                .append(WARMUP_MONTHS).append('\n');
        for (ReplicationResult r : result.replications()) {
            out.append("replication ").append(r.replication()).append('\n');
            for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
                out.append("metric ").append(m.getKey()).append(' ').append(Double.toString(m.getValue())).append('\n');
            }
            for (Map.Entry<String, double[]> s : r.monthly().entrySet()) {
                double[] values = s.getValue();
                for (int month = 0; month < values.length; month++) {
                    out.append("monthly ").append(s.getKey()).append(' ').append(month).append(' ')
                            .append(Double.toString(values[month])).append('\n');
                }
            }
        }
        return out.toString();
    }

    static String run(Path file) {
        Scenario s = ScenarioReader.load(file, List.of("horizon_months=" + HORIZON_MONTHS,
                "warmup_months=" + WARMUP_MONTHS)).scenario();
        try (Experiment e = new Experiment(SEED, 2)) {
            return render(file, e.run(s, REPLICATIONS));
        }
    }

    @TestFactory
    List<DynamicTest> shippedScenariosReproduceTheirGoldenOutputs() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : shippedScenarios()) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                String actual = run(file);
                Path golden = goldenFile(file);
                if (UPDATE) {
                    Files.createDirectories(GOLDEN);
                    Files.writeString(golden, actual, StandardCharsets.UTF_8);
                    return;
                }
                assertTrue(Files.exists(golden), golden + " is missing: regenerate with -Dgolden.update=true "
                        + "(see GoldenOutputTest)");
                String expected = Files.readString(golden, StandardCharsets.UTF_8);
                assertEquals(expected, actual, file + " no longer reproduces " + golden + ": if the model changed "
                        + "on purpose, regenerate with -Dgolden.update=true in its own commit (see GoldenOutputTest)");
            }));
        }
        assertTrue(tests.size() > 0, "no scenarios found in " + SCENARIOS);
        return tests;
    }

    /** No golden file outlives its scenario (a renamed scenario must not leave an unchecked file behind). */
    @Test
    void everyGoldenFileHasAScenario() throws IOException {
        List<Path> expected = shippedScenarios().stream().map(GoldenOutputTest::goldenFile).toList();
        List<Path> present;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            present = files.sorted().toList();
        }
        if (UPDATE) {
            for (Path p : present) if (!expected.contains(p)) Files.delete(p);
            return;
        }
        assertEquals(expected, present, "golden files and shipped scenarios differ");
    }
}
