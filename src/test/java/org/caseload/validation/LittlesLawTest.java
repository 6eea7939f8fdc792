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
 * (L − λW)/L lies within ±2% over 10 years, and within ±{@value #LONG_RUN_BAND} over a run
 * four times as long (the edge bias shrinks with the window). Leeds itself, at rest, is
 * checked in {@link BaselineAtRestTest}.
 */
class LittlesLawTest {
    static final double LONG_RUN_BAND = 0.0075;

    @Test
    void holdsForEveryPathway() {
        Scenario s = load(NETWORK);
        ScenarioResult r = run(s, 10, 201);
        for (String p : s.pathways().keySet()) {
            ConfidenceInterval ci = relativeDifference(r, p);
            assertTrue(ci.low() > -0.02 && ci.high() < 0.02, "pathway " + p + ": L vs λW relative difference CI "
                    + ci.low() + " to " + ci.high());
            assertTrue(ValidationSupport.mean(r.values(Metrics.IN_TREATMENT_PREFIX + p)) > 10, "pathway " + p + " barely used");
        }
    }

    @Test
    void theEdgeBiasShrinksOverALongerWindow() {
        Scenario s = load(NETWORK, "horizon_months=480");
        ScenarioResult r = run(s, 6, 202);
        for (String p : s.pathways().keySet()) {
            ConfidenceInterval ci = relativeDifference(r, p);
            assertTrue(ci.low() > -LONG_RUN_BAND && ci.high() < LONG_RUN_BAND, "pathway " + p
                    + ": over 40 years, L vs λW relative difference CI " + ci.low() + " to " + ci.high());
        }
    }

    /** 95% CI over replications of (L − λW)/L for pathway {@code p}. */
    static ConfidenceInterval relativeDifference(ScenarioResult r, String p) {
        double[] l = r.values(Metrics.IN_TREATMENT_PREFIX + p);
        double[] entries = r.values(Metrics.ENTRIES_PREFIX + p);
        double[] w = r.values(Metrics.STAY_PREFIX + p);
        double[] rel = new double[l.length];
        for (int i = 0; i < l.length; i++) rel[i] = (l[i] - entries[i] / 365.25 * w[i]) / l[i];
        return ConfidenceInterval.student(rel, 0.95);
    }
}
