package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.stats.PairedComparison;
import org.junit.jupiter.api.Test;

/** Referrals by kind: the re-referral probability, the identities between the counts, and a cut on Leeds. */
class ReferralCountsTest {
    private static final Path REREFERRAL = Path.of("src/test/resources/validation/rereferral.yaml");

    @Test
    void theShareOfDropAwaysReferredAgainMatchesItsProbability() {
        ScenarioResult r = run(load(REREFERRAL), 4, 631);
        double dropaways = 0;
        double again = 0;
        for (ReplicationResult rep : r.replications()) {
            dropaways += rep.metric(Metrics.ASSESSMENT_DROPAWAYS_PER_YEAR) * 10;
            again += rep.metric(Metrics.REREFERRALS_PER_MONTH) * 120;
            assertEquals(0.0, rep.metric(Metrics.REPRESENTATIONS_PER_MONTH), 0, "nobody is ever placed, so nobody re-presents");
        }
        double p = 0.3;
        double share = again / dropaways;
        double halfWidth = 3.29 * Math.sqrt(p * (1 - p) / dropaways); // 99.9% binomial interval
        assertTrue(Math.abs(share - p) < halfWidth, "share referred again " + share + " vs 0.3 +- " + halfWidth
                + " over " + dropaways + " drop-aways");
        assertTrue(dropaways > 20_000, "enough trials: " + dropaways);
    }

    @Test
    void theKindsAddUpAndPeopleAreCountedOnceAYear() {
        ScenarioResult r = run(load(ValidationSupport.LEEDS, "horizon_months=24"), 2, 641);
        for (ReplicationResult rep : r.replications()) {
            double fresh = rep.metric(Metrics.NEW_REFERRALS_PER_MONTH);
            double back = rep.metric(Metrics.REPRESENTATIONS_PER_MONTH);
            double again = rep.metric(Metrics.REREFERRALS_PER_MONTH);
            assertEquals(fresh + back, rep.metric(Metrics.REFERRALS_PER_MONTH), 1e-9, "referrals are new plus re-presentations");
            assertEquals(fresh + back + again, rep.metric(Metrics.ALL_REFERRALS_PER_MONTH), 1e-9);
            assertEquals((back + again) * 12, rep.metric(Metrics.REPRESENTATIONS_PER_YEAR), 1e-6);
            double people = rep.metric(Metrics.PEOPLE_REFERRED_PER_YEAR);
            assertTrue(people <= 12 * (fresh + back + again) && people >= 12 * fresh,
                    "distinct people " + people + " between new referrals and all referrals a year");
            double sum = 0;
            for (double m : rep.monthly().get(Metrics.M_REFERRALS)) sum += m;
            assertEquals(24 * (fresh + back), sum, 1e-6, "the monthly series counts what referrals_per_month counts");
        }
    }

    @Test
    void aCutNoLongerLooksLikeRisingDemand() {
        ScenarioResult base = run(load(ValidationSupport.LEEDS, "horizon_months=36"), 4, 651);
        ScenarioResult cut = run(load(Path.of("scenarios/leeds-cut-25.yaml"), "horizon_months=36"), 4, 651);
        PairedComparison referrals = PairedComparison.paired(base.values(Metrics.REFERRALS_PER_MONTH),
                cut.values(Metrics.REFERRALS_PER_MONTH), 0.95);
        PairedComparison fresh = PairedComparison.paired(base.values(Metrics.NEW_REFERRALS_PER_MONTH),
                cut.values(Metrics.NEW_REFERRALS_PER_MONTH), 0.95);
        PairedComparison again = PairedComparison.paired(base.values(Metrics.REREFERRALS_PER_MONTH),
                cut.values(Metrics.REREFERRALS_PER_MONTH), 0.95);
        assertEquals(0.0, fresh.difference().mean(), 0, "new demand is the same (common random numbers)");
        assertTrue(referrals.difference().high() < 0.01 * referrals.baselineMean(),
                "referrals_per_month must not rise under a cut: " + referrals.difference());
        assertTrue(again.difference().low() > 0, "people who give up waiting and come back do rise: " + again.difference());
    }
}
