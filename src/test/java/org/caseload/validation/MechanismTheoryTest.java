package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.assertCovers;
import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Each mechanism against its theory. Deaths: given the person-time at risk, the number of
 * deaths at a constant hazard is Poisson with mean rate × person-time (the counting process
 * minus its compensator is a martingale), so the exact 95% Poisson interval of the deaths
 * counted over all replications must contain rate × the measured person-time. Relapse and
 * re-presentation: each leaver comes back with probability P(relapse) × P(re-present), so
 * the share of leavers not back within a year (all returns here come within weeks) must
 * have that complement inside its replication CI, by exit reason.
 */
class MechanismTheoryTest {
    private static final Path DIR = Path.of("src/test/resources/validation");

    /** Exact (Garwood) 95% interval for a Poisson mean from an observed count. */
    static double[] poissonInterval(double count) {
        double low = count == 0 ? 0 : new ChiSquaredDistribution(2 * count).inverseCumulativeProbability(0.025) / 2;
        double high = new ChiSquaredDistribution(2 * count + 2).inverseCumulativeProbability(0.975) / 2;
        return new double[] {low, high};
    }

    static void assertPoisson(double observed, double expected, String what) {
        double[] ci = poissonInterval(observed);
        assertTrue(expected >= ci[0] && expected <= ci[1], String.format("%s: %.0f observed, 95%% interval %.1f to %.1f, "
                + "theory %.1f", what, observed, ci[0], ci[1], expected));
    }

    @Test
    void deathsInTreatmentFollowRateTimesPersonTimeByGroup() {
        // Each group alone, so a swapped or averaged rate (300 and 100 per 1,000 person-years) cannot pass.
        for (String[] group : new String[][] {{"opiate", "300"}, {"alcohol", "100"}}) {
            String other = group[0].equals("opiate") ? "alcohol" : "opiate";
            Scenario s = load(DIR.resolve("mortality.yaml"), "clients.group_shares." + group[0] + "=1",
                    "clients.group_shares." + other + "=0");
            ScenarioResult r = run(s, 4, 611);
            double deaths = 0;
            double expected = 0;
            for (ReplicationResult x : r.replications()) {
                double years = 5;
                deaths += x.metric(Metrics.DEATHS_IN_TREATMENT_PER_YEAR) * years;
                expected += x.metric(Metrics.IN_TREATMENT_MEAN) * years * Double.parseDouble(group[1]) / 1000;
                assertEquals(100.0, x.metric(Metrics.PCT_GROUP_PREFIX + group[0]), 1e-9, "only " + group[0] + " is referred");
                // The national form is the same count over the people in treatment in each year.
                assertEquals(x.metric(Metrics.DEATHS_IN_TREATMENT_PER_YEAR),
                        x.metric(Metrics.PCT_DIED_IN_TREATMENT) / 100 * x.metric(Metrics.SEEN_PER_YEAR), 1e-6);
            }
            assertTrue(deaths > 500, "too few deaths to test: " + deaths);
            assertPoisson(deaths, expected, "deaths in treatment, " + group[0]);
        }
    }

    @Test
    void deathsWhileWaitingFollowTheOutOfTreatmentRateTimesTimeWaiting() {
        // No places: everyone assessed waits for a place until they die, at the out-of-treatment rate.
        Scenario s = load(DIR.resolve("mortality-waiting.yaml"));
        ScenarioResult r = run(s, 3, 612);
        double deaths = 0;
        double expected = 0;
        for (ReplicationResult x : r.replications()) {
            deaths += x.metric(Metrics.DEATHS_WHILE_WAITING_PER_YEAR) * 3;
            expected += x.metric(Metrics.WAITING_LIST_MEAN) * 3 * 150 / 1000;
            assertEquals(0.0, x.metric(Metrics.DEATHS_IN_TREATMENT_PER_YEAR), "nobody is ever in treatment");
        }
        assertTrue(deaths > 2000, "too few deaths to test: " + deaths);
        assertPoisson(deaths, expected, "deaths while waiting");
    }

    @Test
    void relapseAndRepresentationHappenWithTheirProbabilities() {
        Scenario s = load(DIR.resolve("relapse.yaml"));
        ScenarioResult r = run(s, 8, 613);
        String y1 = Metrics.leaverCohortName(1);
        assertCovers(r, y1 + "_completed", 100 * (1 - 0.5 * 0.6));
        assertCovers(r, y1 + "_dropped_out", 100 * (1 - 0.8 * 0.6));
        assertCovers(r, Metrics.leaverCohortName(2) + "_dropped_out", 100 * (1 - 0.8 * 0.6));
        // Every leaver's return is one re-presentation: re-presentations per leaver = 0.6 x 0.5 x 0.6 + 0.4 x 0.8 x 0.6.
        double[] perLeaver = new double[r.replications().size()];
        for (int i = 0; i < perLeaver.length; i++) {
            ReplicationResult x = r.replications().get(i);
            perLeaver[i] = x.metric(Metrics.REPRESENTATIONS_PER_YEAR)
                    / (x.metric(Metrics.COMPLETIONS_PER_YEAR) + x.metric(Metrics.DROPOUTS_PER_YEAR));
        }
        org.caseload.stats.ConfidenceInterval ci = org.caseload.stats.ConfidenceInterval.student(perLeaver, 0.95);
        double theory = 0.6 * 0.5 * 0.6 + 0.4 * 0.8 * 0.6;
        assertTrue(ci.contains(theory), "re-presentations per leaver " + ci + ", theory " + theory);
        for (ReplicationResult x : r.replications()) {
            assertTrue(Double.isNaN(x.metric(Metrics.leaverCohortName(4))), "a 3-year window has no 4-year follow-up");
        }
    }
}
