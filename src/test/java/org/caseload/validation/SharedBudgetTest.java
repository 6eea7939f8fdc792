package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * The shared allocation rule, worked by hand on budget-shared.yaml (100 people who never
 * leave; staff GBP 500k, medication GBP 365,250, one assessor GBP 40k, overheads GBP 200k: a
 * base of GBP 1,105,250; a 10% cut from month 12, re-tendered six months later), and on Leeds.
 */
class SharedBudgetTest {
    private static final Path SHARED = Path.of("src/test/resources/validation/budget-shared.yaml");
    private static final double YEAR = 365.25;

    @Test
    void theCutIsSharedByWeightsThenEveryLineMovesByTheCutAfterReTendering() {
        double medication = 100 * 10 * YEAR;
        double base = 500_000 + medication + 40_000 + 200_000;
        double cut = -0.10 * base;
        // Short term: medication fixed, overheads at half weight: the cut over 500k + 40k + 0.5 x 200k.
        double k = cut / (500_000 + 40_000 + 0.5 * 200_000);
        double fteShort = 10 * (1 + k);
        ScenarioResult r = run(load(SHARED), 2, 611);
        for (ReplicationResult rep : r.replications()) {
            double[] fte = rep.monthly().get(Metrics.M_KEYWORKER_FTE);
            assertEquals(10.0, fte[11], 1e-9, "before the cut");
            assertEquals(fteShort, fte[12], 1e-9, "short term");
            assertEquals(fteShort, fte[17], 1e-9, "short term");
            assertEquals(9.0, fte[18], 1e-9, "after re-tendering every line is down 10%");
            assertEquals(9.0, fte[23], 1e-9, "after re-tendering");
            assertEquals(97.5, rep.metric(Metrics.MEDICATION_UNIT_COST_INDEX), 1e-9, "18 months at 100, 6 at 90");
            // A year before the cut, half a year in the short term, half a year after re-tendering; per year of two.
            double overheads = (200_000 + 200_000 * (1 + 0.5 * k) * 0.5 + 180_000 * 0.5) / 2;
            assertEquals(overheads, rep.metric(Metrics.COST_OVERHEADS_PER_YEAR), 1e-6);
            assertEquals(medication * (1 + 0.5 + 0.9 * 0.5) / 2, rep.metric(Metrics.COST_MEDICATION_PER_YEAR), 1e-6);
            assertEquals(50_000 * (10 + fteShort * 0.5 + 9 * 0.5) / 2, rep.metric(Metrics.COST_STAFF_PER_YEAR), 1e-6);
            assertEquals(40_000, rep.metric(Metrics.COST_ASSESSMENT_PER_YEAR), 1e-6, "round(0.83) and round(0.9) are 1 assessor");
            double lines = 0;
            for (String line : Metrics.COST_LINES) lines += rep.metric(line);
            assertEquals(rep.metric(Metrics.SPEND_PER_YEAR), lines, 1e-6, "the cost lines add up to spend");
            // The staff cut is 17.3% in the short term (not the 20.5% of the proportional rule) and 10% after.
            assertEquals(0.173, 1 - fte[12] / fte[11], 0.001, "share of keyworkers cut in the short term");
            assertEquals(0.10, 1 - fte[18] / fte[11], 1e-9, "share of keyworkers cut after re-tendering");
        }
    }

    /**
     * A 0% change changes nothing, the base a later change is measured against included:
     * Leeds' placeholder at month 0 followed by a 10% cut from month 12 (as the what-if page
     * builds it) is leeds-cut-10.yaml to the last bit. The base used to be costed at the 0%
     * change, so the cut took 10% of month 0's cost, not month 12's.
     */
    @Test
    void aZeroChangeBeforeACutLeavesTheCutItsOwnBase(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path both = dir.resolve("leeds-0-then-cut.yaml");
        java.nio.file.Files.writeString(both, "extends: " + Path.of("scenarios/leeds.yaml").toAbsolutePath() + "\n"
                + "name: leeds-cut-10\nbudget:\n  changes:\n    - {from_month: 0, change_pct: 0}\n"
                + "    - {from_month: 12, change_pct: -10}\n");
        ScenarioResult withPlaceholder = run(load(both, "horizon_months=36"), 2, 631);
        ScenarioResult cut = run(load(Path.of("scenarios/leeds-cut-10.yaml"), "horizon_months=36"), 2, 631);
        for (int r = 0; r < 2; r++) {
            assertEquals(cut.replications().get(r).metrics(), withPlaceholder.replications().get(r).metrics(), "replication " + r);
        }
    }

    @Test
    void onLeedsKeyworkersNoLongerFallByTwiceTheCut() {
        ScenarioResult base = run(load(ValidationSupport.LEEDS, "horizon_months=36"), 3, 621);
        ScenarioResult cut = run(load(Path.of("scenarios/leeds-cut-25.yaml"), "horizon_months=36"), 3, 621);
        double before = ConfidenceInterval.student(base.values(Metrics.KEYWORKER_FTE_MEAN), 0.95).mean();
        for (ReplicationResult rep : cut.replications()) {
            double[] fte = rep.monthly().get(Metrics.M_KEYWORKER_FTE);
            double longRun = fte[35] / before - 1;
            // After re-tendering staff take about their proportional share: a little more than 25%, because only
            // half the medication unit cost can move, far from the proportional rule's -60%.
            assertTrue(longRun < -0.25 && longRun > -0.35, "keyworkers after re-tendering: " + longRun);
            assertTrue(fte[12] < fte[24], "deeper in the contract year than after re-tendering");
        }
    }
}
