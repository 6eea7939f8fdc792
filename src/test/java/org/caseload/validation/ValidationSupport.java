package org.caseload.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.caseload.experiment.Experiment;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.ConfidenceInterval;

/** Loading, running and interval assertions shared by the validation tests. */
final class ValidationSupport {
    static final Path QUEUE = Path.of("src/test/resources/validation/queue.yaml");
    static final Path INSTANT = Path.of("src/test/resources/validation/queue-instant.yaml");
    static final Path NETWORK = Path.of("src/test/resources/validation/network.yaml");
    static final Path LEEDS = Path.of("scenarios/leeds.yaml");
    static final Path LEEDS_CUT = Path.of("scenarios/leeds-cut-10.yaml");

    private ValidationSupport() {
    }

    static Scenario load(Path file, String... overrides) {
        return ScenarioReader.load(file, List.of(overrides)).scenario();
    }

    /**
     * Runs {@code s} at {@code seed}, moved by {@code -Dvalidation.seedOffset=K} when given: the
     * validation tests compare with theory inside confidence intervals, so they should pass at
     * most other seeds too, and running them with a few offsets checks that none passes only by
     * the seed it was written with (README, "Set-up: two commands").
     */
    static ScenarioResult run(Scenario s, int replications, long seed) {
        try (Experiment e = new Experiment(seed(seed), 2)) {
            return e.run(s, replications);
        }
    }

    /** {@code seed} moved by {@code -Dvalidation.seedOffset=K} when given (see {@link #run}), for a test that builds replications itself. */
    static long seed(long seed) {
        return seed + Long.getLong("validation.seedOffset", 0);
    }

    static ConfidenceInterval ci(ScenarioResult r, String metric) {
        return ConfidenceInterval.student(r.values(metric), 0.95);
    }

    /** The 95% replication interval of {@code metric} contains the theoretical value. */
    static void assertCovers(ScenarioResult r, String metric, double theory) {
        ConfidenceInterval c = ci(r, metric);
        assertTrue(c.contains(theory), String.format("%s: theory %.5g outside the 95%% CI %.5g to %.5g (mean %.5g, n %d)",
                metric, theory, c.low(), c.high(), c.mean(), c.n()));
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s / xs.length;
    }
}
