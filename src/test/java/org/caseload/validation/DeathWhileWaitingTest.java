package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.LEEDS;
import static org.caseload.validation.ValidationSupport.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.model.TreatmentSystem;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Dying while waiting ends the wait, and only the wait: someone whose assessment has begun is
 * no longer on the waiting list, so a death drawn for their wait must not take them off it
 * again. Under very high out-of-treatment mortality, with assessments long enough that many
 * waits would have ended in death during assessment, every count of people waiting stays
 * non-negative and everyone is accounted for.
 */
class DeathWhileWaitingTest {
    private static final String[] HIGH_MORTALITY = {"horizon_months=24", "warmup_months=12",
            "assessment.workers=12", "assessment.service_days.mean=20",
            "mortality.out_of_treatment_per_1000_py.opiate=900",
            "mortality.out_of_treatment_per_1000_py.non_opiate=900",
            "mortality.out_of_treatment_per_1000_py.non_opiate_and_alcohol=900",
            "mortality.out_of_treatment_per_1000_py.alcohol=900"};

    @Test
    void waitingCountsNeverGoNegativeUnderHighMortality() {
        Scenario s = load(LEEDS, HIGH_MORTALITY);
        for (int rep = 0; rep < 2; rep++) {
            TreatmentSystem system = new TreatmentSystem(s, RandomStreams.fromSeed(409), rep);
            List<TreatmentSystem.Census> seen = new ArrayList<>();
            system.audit(3, seen::add);
            ReplicationResult r = system.run();
            for (TreatmentSystem.Census c : seen) {
                assertTrue(c.waitingAssessment() >= 0 && c.inAssessment() >= 0 && c.waitingPathway() >= 0, c.toString());
                assertEquals(c.created(), c.accountedFor(), c.toString());
            }
            assertTrue(r.metric(Metrics.DEATHS_WHILE_WAITING_PER_YEAR) > 50, "too few deaths while waiting to test: "
                    + r.metric(Metrics.DEATHS_WHILE_WAITING_PER_YEAR));
            assertTrue(r.metric(Metrics.WAITING_LIST_MEAN) >= 0, "waiting_list_mean " + r.metric(Metrics.WAITING_LIST_MEAN));
            for (double v : r.monthly().get(Metrics.M_WAITING_LIST)) assertTrue(v >= 0, "monthly waiting list " + v);
        }
    }
}
