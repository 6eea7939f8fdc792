package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.junit.jupiter.api.Test;

/**
 * Under the proportional rule a budget cut turns into staff exactly as documented: the new
 * budget pays overheads and current medication first, and staff and assessors share what is
 * left in proportion.
 */
class BudgetArithmeticTest {
    private static final Path BUDGET = Path.of("src/test/resources/validation/budget-proportional.yaml");
    private static final double YEAR = 365.25;

    @Test
    void aCutFallsOnStaffAfterMedicationAndOverheads() {
        double medication = 100 * 10 * YEAR;
        double base = 200_000 + medication + 10 * 50_000 + 40_000;
        double staffShare = (0.9 * base - 200_000 - medication) / (10 * 50_000 + 40_000);
        double fteAfter = 10 * staffShare;
        ScenarioResult r = run(load(BUDGET), 2, 601);
        for (ReplicationResult rep : r.replications()) {
            double[] fte = rep.monthly().get(Metrics.M_KEYWORKER_FTE);
            assertEquals(10.0, fte[11], 1e-9, "before the cut");
            assertEquals(fteAfter, fte[12], 1e-9, "after the cut");
            assertEquals(fteAfter, fte[23], 1e-9, "after the cut");
            assertEquals((10 + fteAfter) / 2, rep.metric(Metrics.KEYWORKER_FTE_MEAN), 1e-9);
            assertEquals(100.0, rep.metric(Metrics.IN_TREATMENT_MEAN), 1e-9);
            // Spend: two years of overheads and medication, one year of each staffing level,
            // the assessor (one, since round(0.80) = 1) throughout.
            double spend = 2 * 200_000 + 2 * medication + 50_000 * (10 + fteAfter) + 2 * 40_000;
            assertEquals(spend / 2, rep.metric(Metrics.SPEND_PER_YEAR), 1e-6);
            assertEquals(100 / fteAfter, rep.monthly().get(Metrics.M_CASELOAD_PER_WORKER)[20], 1e-9);
            // The cut is 10% of the budget but 20.5% of the staff: overheads and medication are paid first.
            assertEquals(0.205, 1 - fte[12] / fte[11], 0.001, "share of keyworkers cut");
        }
    }
}
