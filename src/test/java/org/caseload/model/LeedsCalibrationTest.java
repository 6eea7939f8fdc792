package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.caseload.experiment.Experiment;
import org.caseload.experiment.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * leeds.yaml reproduces the figures it claims (seed 000 and OHID, see its header): the whole
 * 95% interval of each metric must lie inside the stated tolerance of the target.
 */
class LeedsCalibrationTest {
    record Target(String metric, double value, double relativeTolerance) {
    }

    @Test
    void leedsReproducesItsTargets() {
        Scenario leeds = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of()).scenario();
        ScenarioResult r;
        try (Experiment e = new Experiment(1, 2)) {
            r = e.run(leeds, 30);
        }
        List<Target> targets = List.of(
                new Target(Metrics.REFERRALS_PER_MONTH, 300, 0.10),
                new Target(Metrics.IN_TREATMENT_MEAN, 3234, 0.10),
                new Target(Metrics.SEEN_PER_YEAR, 6450, 0.10),
                new Target(Metrics.CNR_NON_OPIATE, 37, 0.15),
                new Target(Metrics.CNR_ALCOHOL, 36, 0.15),
                new Target(Metrics.CNR_OPIATE, 6.7, 0.35));
        for (Target t : targets) {
            ConfidenceInterval ci = ConfidenceInterval.student(r.values(t.metric()), 0.95);
            double lo = t.value() * (1 - t.relativeTolerance());
            double hi = t.value() * (1 + t.relativeTolerance());
            assertTrue(ci.low() >= lo && ci.high() <= hi,
                    t.metric() + ": 95% CI " + ci.low() + " to " + ci.high() + " not within " + lo + " to " + hi);
        }
        ConfidenceInterval caseload = ConfidenceInterval.student(r.values(Metrics.CASELOAD_PER_WORKER_MEAN), 0.95);
        assertTrue(caseload.low() >= 50 && caseload.high() <= 80, "caseload per worker outside the 50-80 of seed 003: " + caseload);
        for (String p : leeds.pathways().keySet()) {
            double entries = ConfidenceInterval.student(r.values(Metrics.ENTRIES_PREFIX + p), 0.95).mean();
            assertTrue(entries > 10, "pathway " + p + " is not exercised: " + entries + " entries a year");
        }
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
