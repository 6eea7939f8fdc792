package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.junit.jupiter.api.Test;

/**
 * The national completion indicator, the leaver-cohort shares and deaths in treatment as a
 * share, on the deterministic system of {@code cohorts.yaml}, against values worked out by
 * hand in its header. Reporting years are 0 = [0, 365.25), 1, 2; the window ends at 1,095.75.
 * Reporting months are 30.44 days, so month 11 ends exactly with year 0 and month 23 with year 1.
 */
class OutcomeIndicatorsTest {
    static final Path COHORTS = Path.of("src/test/resources/validation/cohorts.yaml");

    @Test
    void indicatorsMatchTheHandComputedValues() {
        ScenarioResult result = run(load(COHORTS), 3, 601);
        for (ReplicationResult r : result.replications()) {
            // Opiate: 3 completions a year per client, each re-presenting after 100 days (< 6 months): 0 of 10 seen.
            assertEquals(0.0, r.metric(Metrics.CNR_OPIATE), 1e-12);
            // Alcohol: 20 completions in year 0, none re-presents, 20 seen in year 0 and none in year 1
            // (years 0 and 1 have their 6 months of follow-up): 20 / 20.
            assertEquals(100.0, r.metric(Metrics.CNR_ALCOHOL), 1e-12);
            assertTrue(Double.isNaN(r.metric(Metrics.CNR_NON_OPIATE)), "nobody non-opiate was in treatment");

            String y1 = Metrics.leaverCohortName(1);
            String y2 = Metrics.leaverCohortName(2);
            String y4 = Metrics.leaverCohortName(4);
            // Every leaver completed. Alcohol: 20 leavers, all in month 0, none back. Opiate: every leaver is back
            // after 100 days. (How many opiate leavers there are depends on the initial places' earlier
            // occupants still due back, so it is read from the completions of each year.)
            double[] completions = r.monthly().get(Metrics.M_COMPLETIONS);
            double year0 = sum(completions, 0, 12);
            double years01 = sum(completions, 0, 24);
            assertTrue(year0 > 20 + 30, "opiate clients should complete 3 times a year each: " + year0);
            // 1 year: cohorts of years 0 and 1 qualify (leaving year + 1 + 1 <= 3).
            assertEquals(100 * 20 / years01, r.metric(y1), 1e-9);
            assertEquals(100 * 20 / years01, r.metric(y1 + "_completed"), 1e-9);
            assertEquals(0.0, r.metric(y1 + "_opiate"), 1e-12);
            assertEquals(100.0, r.metric(y1 + "_alcohol"), 1e-12);
            assertTrue(Double.isNaN(r.metric(y1 + "_dropped_out")), "nobody dropped out");
            assertTrue(Double.isNaN(r.metric(y1 + "_non_opiate")), "no non-opiate leavers");
            // 2 years: only year 0 qualifies (0 + 1 + 2 <= 3).
            assertEquals(100 * 20 / year0, r.metric(y2), 1e-9);
            assertEquals(100.0, r.metric(y2 + "_alcohol"), 1e-12);
            // 4 years: no year has the follow-up inside a 3-year window.
            assertTrue(Double.isNaN(r.metric(y4)), "4-year share of a 3-year window must be empty");
            assertEquals(0.0, r.metric(Metrics.PCT_DIED_IN_TREATMENT), 1e-12);
        }
    }

    private static double sum(double[] xs, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += xs[i];
        return s;
    }
}
