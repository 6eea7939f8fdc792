package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.caseload.experiment.Experiment;
import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.ConfidenceInterval;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped scenario that states targets reproduces them: the replication 95% CI of
 * each target metric lies within the stated tolerance of the stated value.
 */
class ShippedScenarioTargetsTest {
    private static final int REPLICATIONS = 20;

    static List<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> targetsAreMet() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : shippedScenarios()) {
            Scenario s = ScenarioReader.load(file, List.of()).scenario();
            if (s.targets().isEmpty()) continue;
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                ScenarioResult r;
                try (Experiment e = new Experiment(1, 2)) {
                    r = e.run(s, REPLICATIONS);
                }
                List<String> misses = new ArrayList<>();
                for (Scenario.Target t : s.targets()) {
                    ConfidenceInterval ci = ConfidenceInterval.student(r.values(t.metric()), 0.95);
                    if (!(ci.low() >= t.low() && ci.high() <= t.high())) {
                        misses.add(String.format("%s: 95%% CI %.3f to %.3f, target %.3f ± %.0f%% (%s)", t.metric(),
                                ci.low(), ci.high(), t.value(), t.tolerancePct(), t.source()));
                    }
                }
                assertTrue(misses.isEmpty(), file + " misses its targets:\n" + String.join("\n", misses));
            }));
        }
        assertFalse(tests.isEmpty(), "no shipped scenario states targets");
        return tests;
    }

    /** Every metric of every shipped scenario is defined (but for the known exceptions) and every pathway has people in it. */
    @TestFactory
    List<DynamicTest> everyPathwayIsExercised() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : shippedScenarios()) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                Scenario s = ScenarioReader.load(file, List.of("horizon_months=24")).scenario();
                ScenarioResult r;
                try (Experiment e = new Experiment(2, 2)) {
                    r = e.run(s, 2);
                }
                for (String m : r.replications().get(0).metrics().keySet()) {
                    for (int i = 0; i < r.replications().size(); i++) {
                        double v = r.replications().get(i).metric(m);
                        // The one legitimate undefined value: clients per FTE once a cut has removed every keyworker.
                        boolean noStaffLeft = Arrays.stream(r.replications().get(i).monthly().get(Metrics.M_KEYWORKER_FTE))
                                .anyMatch(fte -> fte == 0);
                        boolean perStaff = m.equals(Metrics.CASELOAD_PER_WORKER_MEAN) || m.startsWith(Metrics.CASELOAD_PREFIX);
                        if (m.startsWith(Metrics.LEAVERS_NOT_RETURNED_PREFIX)) {
                            // Empty exactly when a leaving year plus its follow-up does not fit in the 2-year window.
                            int years = Integer.parseInt(m.substring(Metrics.LEAVERS_NOT_RETURNED_PREFIX.length()).split("y")[0]);
                            assertEquals(years + 1 > 2, Double.isNaN(v), file + ": " + m + " is " + v);
                            continue;
                        }
                        assertTrue(Double.isFinite(v) || (Double.isNaN(v) && perStaff && noStaffLeft), file + ": " + m + " is " + v);
                    }
                }
                for (String p : s.pathways().keySet()) {
                    double occupancy = ConfidenceInterval.student(r.values(Metrics.IN_TREATMENT_PREFIX + p), 0.95).mean();
                    assertTrue(occupancy > 0, file + ": pathway " + p + " is never used");
                }
            }));
        }
        return tests;
    }
}
