package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.LEEDS;
import static org.caseload.validation.ValidationSupport.QUEUE;
import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.junit.jupiter.api.Test;

/** Extreme and deterministic cases whose answers are exact. */
class ExtremeCasesTest {
    @Test
    void infiniteCapacityGivesZeroWaits() {
        ScenarioResult r = run(load(ValidationSupport.INSTANT), 3, 301);
        for (double v : r.values(Metrics.WAIT_DAYS_MEAN)) assertEquals(0.0, v);
        for (double v : r.values(Metrics.WAITING_LIST_MEAN)) assertEquals(0.0, v);
        for (double v : r.values(Metrics.ASSESSMENT_DROPAWAYS_PER_YEAR)) assertEquals(0.0, v);
    }

    @Test
    void zeroRelapseGivesZeroRepresentations() {
        // People who drop away while waiting never stopped using and come back without relapsing,
        // so patience is made practically endless: then nobody can re-present at all.
        ScenarioResult r = run(load(LEEDS, "horizon_months=24", "warmup_months=12",
                "after_exit.relapse_after_completion.probability.opiate=0",
                "after_exit.relapse_after_completion.probability.default=0",
                "after_exit.relapse_after_dropout.probability.default=0",
                "assessment.patience_days.mean=1e9", "pathways.long_arm_prescribing.patience_days.mean=1e9",
                "pathways.rehab.patience_days.mean=1e9"), 3, 302);
        for (double v : r.values(Metrics.ASSESSMENT_DROPAWAYS_PER_YEAR)) assertEquals(0.0, v, "drop-aways");
        for (double v : r.values(Metrics.REPRESENTATIONS_PER_YEAR)) assertEquals(0.0, v, "re-presentations with no relapse");
        // The same system with relapse does re-present: the zero above is the relapse switch, not a dead metric.
        ScenarioResult relapsing = run(load(LEEDS, "horizon_months=24", "warmup_months=12"), 2, 302);
        for (double v : relapsing.values(Metrics.REPRESENTATIONS_PER_YEAR)) assertTrue(v > 100, "re-presentations " + v);
        ScenarioResult none = run(load(QUEUE), 3, 303);
        for (double v : none.values(Metrics.REPRESENTATIONS_PER_YEAR)) assertEquals(0.0, v);
    }

    @Test
    void fixedDurationsGiveExactStays() {
        ScenarioResult r = run(load(ValidationSupport.INSTANT), 3, 304);
        for (double v : r.values(Metrics.STAY_PREFIX + "open")) assertEquals(30.0, v, 1e-9);
    }

    @Test
    void noArrivalsNoMortalityNoEvents() {
        ScenarioResult r = run(load(QUEUE, "arrivals.rate_per_month=0"), 2, 305);
        for (String m : new String[] {Metrics.REFERRALS_PER_MONTH, Metrics.IN_TREATMENT_MEAN, Metrics.DEATHS_PER_YEAR,
                Metrics.COMPLETIONS_PER_YEAR}) {
            for (double v : r.values(m)) assertEquals(0.0, v, m);
        }
        ScenarioResult noDeaths = run(load(QUEUE), 2, 306);
        for (double v : noDeaths.values(Metrics.DEATHS_PER_YEAR)) assertEquals(0.0, v);
    }

    @Test
    void everyoneCompletesWhenCompletionIsCertain() {
        ScenarioResult r = run(load(QUEUE), 3, 307);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, r.replications().get(i).metric(Metrics.DROPOUTS_PER_YEAR));
            double completions = r.replications().get(i).metric(Metrics.COMPLETIONS_PER_YEAR);
            double referrals = r.replications().get(i).metric(Metrics.REFERRALS_PER_MONTH) * 12;
            // In steady state everyone who arrives completes: the yearly counts agree within Poisson noise.
            assertTrue(Math.abs(completions - referrals) < 0.03 * referrals, completions + " vs " + referrals);
        }
    }
}
