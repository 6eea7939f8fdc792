package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.LEEDS;
import static org.caseload.validation.ValidationSupport.LEEDS_CUT;
import static org.caseload.validation.ValidationSupport.QUEUE;
import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.PairedComparison;
import org.junit.jupiter.api.Test;

/**
 * Metamorphic relations, checked in expectation with common random numbers: the paired
 * difference's 95% CI must not lie on the wrong side of zero, and its mean must point the
 * right way.
 */
class MetamorphicTest {
    private static final String[] SHORT = {"horizon_months=36", "warmup_months=24"};

    /**
     * Asserts that {@code higher} is, in expectation, not below {@code lower} for the metric:
     * the paired difference (higher − lower) is not significantly negative (its CI reaches 0
     * or above) and its mean is not negative (points the right way).
     */
    static void assertNotBelow(ScenarioResult lower, ScenarioResult higher, String metric, String relation) {
        ConfidenceInterval d = PairedComparison.paired(lower.values(metric), higher.values(metric), 0.95).difference();
        String what = relation + ": " + metric + " difference " + d.mean() + " (95% CI " + d.low() + " to " + d.high() + ")";
        assertTrue(d.high() >= 0, "significantly the wrong way: " + what);
        assertTrue(d.mean() >= 0, "points the wrong way: " + what);
    }

    @Test
    void moreAssessorsNeverLengthenTheAssessmentWait() {
        ScenarioResult eleven = run(load(QUEUE, "assessment.workers=11", "horizon_months=36"), 8, 501);
        ScenarioResult fourteen = run(load(QUEUE, "assessment.workers=14", "horizon_months=36"), 8, 501);
        assertNotBelow(fourteen, eleven, Metrics.ASSESSMENT_WAIT_DAYS_MEAN, "11 assessors wait at least as long as 14");
        assertTrue(ValidationSupport.mean(fourteen.values(Metrics.ASSESSMENT_WAIT_DAYS_MEAN))
                < ValidationSupport.mean(eleven.values(Metrics.ASSESSMENT_WAIT_DAYS_MEAN)));
    }

    @Test
    void moreKeyworkersNeverLengthenWaitsWhenPathwaysQueue() {
        String[] queue = {"horizon_months=36", "warmup_months=24", "pathways.intensive_keywork.when_full=queue"};
        ScenarioResult few = run(load(LEEDS, concat(queue, "pathways.intensive_keywork.capacity.staff_fte=45")), 6, 502);
        ScenarioResult many = run(load(LEEDS, concat(queue, "pathways.intensive_keywork.capacity.staff_fte=50")), 6, 502);
        assertNotBelow(many, few, Metrics.WAIT_DAYS_MEAN, "fewer keyworkers wait at least as long");
        assertNotBelow(many, few, Metrics.WAITING_LIST_MEAN, "fewer keyworkers queue at least as many");
        // The change took effect (a silently ignored override would give exactly equal results and pass the above).
        String perFte = Metrics.CASELOAD_PREFIX + "intensive_keywork";
        assertTrue(ValidationSupport.mean(few.values(perFte)) > ValidationSupport.mean(many.values(perFte)), perFte);
    }

    @Test
    void aBiggerCutNeverLowersWaitsOrCaseloads() {
        ScenarioResult ten = run(load(LEEDS_CUT, SHORT), 6, 503);
        ScenarioResult twentyFive = run(load(LEEDS_CUT, concat(SHORT, "budget.changes.0.change_pct=-25")), 6, 503);
        assertNotBelow(ten, twentyFive, Metrics.WAITING_LIST_MEAN, "a 25% cut waits at least as a 10% cut");
        assertNotBelow(ten, twentyFive, Metrics.CASELOAD_PER_WORKER_MEAN, "a 25% cut loads keyworkers at least as much");
        assertNotBelow(ten, twentyFive, Metrics.WAIT_DAYS_MEAN, "a 25% cut makes people wait at least as long");
        assertTrue(ValidationSupport.mean(twentyFive.values(Metrics.CASELOAD_PER_WORKER_MEAN))
                > ValidationSupport.mean(ten.values(Metrics.CASELOAD_PER_WORKER_MEAN)), "the bigger cut took effect");
    }

    @Test
    void strongerCaseloadPressureNeverRaisesCompletions() {
        ScenarioResult weak = run(load(LEEDS, concat(SHORT, "effects.caseload_pressure.completion=0.1")), 6, 504);
        ScenarioResult strong = run(load(LEEDS, concat(SHORT, "effects.caseload_pressure.completion=0.8")), 6, 504);
        assertNotBelow(strong, weak, Metrics.COMPLETIONS_PER_YEAR, "weaker pressure completes at least as many");
        assertTrue(ValidationSupport.mean(strong.values(Metrics.COMPLETIONS_PER_YEAR))
                < ValidationSupport.mean(weak.values(Metrics.COMPLETIONS_PER_YEAR)));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
