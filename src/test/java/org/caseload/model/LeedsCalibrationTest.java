package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.caseload.experiment.Experiment;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * Leeds as the README promises: the four named pathways are all used, the results follow the
 * metric catalogue, and a 10% cut removes more than 10% of keyworkers. (Its calibration
 * targets are checked with every other scenario's in {@link ShippedScenarioTargetsTest}.)
 */
class LeedsCalibrationTest {
    @Test
    void leedsExercisesTheFourNamedPathwaysAndReportsTheCatalogue() {
        Scenario leeds = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of("horizon_months=24")).scenario();
        ScenarioResult r;
        try (Experiment e = new Experiment(1, 2)) {
            r = e.run(leeds, 4);
        }
        assertEquals(List.of("long_arm_prescribing", "intensive_keywork", "rehab", "recovery_community"),
                List.copyOf(leeds.pathways().keySet()));
        for (String p : leeds.pathways().keySet()) {
            double entries = ConfidenceInterval.student(r.values(Metrics.ENTRIES_PREFIX + p), 0.95).mean();
            assertTrue(entries > 10, "pathway " + p + " is not exercised: " + entries + " entries a year");
        }
        // Clients per FTE exists only for caseload pathways (rehab has places, the recovery community is open);
        // funded FTE only where there are staff (not rehab), funded places only for places pathways (rehab).
        List<String> absent = List.of(Metrics.CASELOAD_PREFIX + "rehab", Metrics.CASELOAD_PREFIX + "recovery_community",
                Metrics.FTE_PREFIX + "rehab", Metrics.PLACES_PREFIX + "long_arm_prescribing",
                Metrics.PLACES_PREFIX + "intensive_keywork", Metrics.PLACES_PREFIX + "recovery_community");
        assertEquals(Metrics.forPathways(leeds.pathways().keySet()).stream().map(Metric::name)
                        .filter(n -> !absent.contains(n))
                        .toList(),
                List.copyOf(r.replications().get(0).metrics().keySet()), "results must follow the metric catalogue");
    }

    @Test
    void aTenPercentCutRemovesMoreThanTenPercentOfKeyworkers() {
        Scenario base = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of("horizon_months=24")).scenario();
        Scenario cut = ScenarioReader.load(Path.of("scenarios/leeds-cut-10.yaml"), List.of("horizon_months=24")).scenario();
        try (Experiment e = new Experiment(4, 2)) {
            ScenarioResult b = e.run(base, 6);
            ScenarioResult c = e.run(cut, 6);
            // FTE is constant before month 12 and after it; compare the last month's staffing.
            double before = b.replications().get(0).monthly().get(Metrics.M_KEYWORKER_FTE)[23];
            for (int i = 0; i < 6; i++) {
                double after = c.replications().get(i).monthly().get(Metrics.M_KEYWORKER_FTE)[23];
                assertTrue(after < 0.9 * before, "cut removed only " + (1 - after / before) * 100 + "% of keyworker FTE");
                assertTrue(c.replications().get(i).metric(Metrics.CASELOAD_PER_WORKER_MEAN)
                        > b.replications().get(i).metric(Metrics.CASELOAD_PER_WORKER_MEAN), "caseloads did not rise");
            }
        }
    }
}
