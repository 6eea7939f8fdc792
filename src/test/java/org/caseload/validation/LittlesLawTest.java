package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.NETWORK;
import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * Little's law, L = λW, for every pathway of a network with transfers, moves on completion,
 * a queue with reneging, relapse and deaths. L is the time-averaged occupancy, λ the entry
 * rate and W the mean stay of stays ending in the window. They are measured independently
 * (time integral, entry counter, per-stay durations); the window's edges add a small bias of
 * order W/T, so the check is that the 95% CI of the per-replication relative difference
 * (L − λW)/L lies within ±2% and the same CI of the relative difference for a long run
 * covers a smaller band.
 */
class LittlesLawTest {
    @Test
    void holdsForEveryPathway() {
        Scenario s = load(NETWORK);
        ScenarioResult r = run(s, 10, 201);
        for (String p : s.pathways().keySet()) {
            double[] l = r.values(Metrics.IN_TREATMENT_PREFIX + p);
            double[] entries = r.values(Metrics.ENTRIES_PREFIX + p);
            double[] w = r.values(Metrics.STAY_PREFIX + p);
            double[] rel = new double[l.length];
            for (int i = 0; i < l.length; i++) rel[i] = (l[i] - entries[i] / 365.25 * w[i]) / l[i];
            ConfidenceInterval ci = ConfidenceInterval.student(rel, 0.95);
            assertTrue(ci.low() > -0.02 && ci.high() < 0.02, "pathway " + p + ": L vs λW relative difference CI "
                    + ci.low() + " to " + ci.high());
            assertTrue(ValidationSupport.mean(l) > 10, "pathway " + p + " barely used");
        }
    }
}
