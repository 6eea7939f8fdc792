package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.caseload.experiment.Experiment;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Per-pathway counts are the pathway's own, whether or not it is a treatment pathway. */
class PathwayCountsTest {
    @Test
    void theRecoveryCommunityCountsItsCompletions() {
        Scenario s = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of("warmup_months=24", "horizon_months=24"))
                .scenario();
        ScenarioResult r;
        try (Experiment e = new Experiment(7, 2)) {
            r = e.run(s, 4);
        }
        double entries = mean(r, "entries_per_year_recovery_community");
        double completions = mean(r, "completions_per_year_recovery_community");
        // Its episodes complete with probability 0.7 (else drop out); a few die first: about 0.7 of entries in steady state.
        assertTrue(completions > 0.6 * entries && completions < 0.75 * entries, completions + " completions a year for "
                + entries + " entries");
    }

    @Test
    void theInitialCaseloadIsNotCountedAsEntering() {
        // Without a warm-up the reporting window starts with the initial caseload in place: it did not enter then.
        double fromStart = mean(run("warmup_months=0"), "entries_per_year_long_arm_prescribing");
        double afterWarmup = mean(run("warmup_months=12"), "entries_per_year_long_arm_prescribing");
        assertTrue(fromStart > 0.7 * afterWarmup && fromStart < 1.3 * afterWarmup,
                fromStart + " entries a year from the start against " + afterWarmup + " after a warm-up");
    }

    private static ScenarioResult run(String warmup) {
        Scenario s = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of(warmup, "horizon_months=12")).scenario();
        try (Experiment e = new Experiment(7, 2)) {
            return e.run(s, 4);
        }
    }

    private static double mean(ScenarioResult r, String metric) {
        double sum = 0;
        for (var x : r.replications()) sum += x.metric(metric);
        return sum / r.replications().size();
    }
}
