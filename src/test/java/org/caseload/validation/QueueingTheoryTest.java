package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.QUEUE;
import static org.caseload.validation.ValidationSupport.assertCovers;
import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.caseload.engine.RandomStreams;
import org.caseload.model.Activity;
import org.caseload.model.TreatmentSystem;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * The engine against queueing theory, each inside the replication confidence interval:
 * Poisson referral counts, Erlang C waits for an M/M/c assessment queue, M/M/1, and
 * M/M/∞ (and M/G/∞) occupancy of an open pathway.
 */
class QueueingTheoryTest {
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    /** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a. */
    static double erlangC(int c, double a) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k < c; k++) {
            term *= a / k;
            sum += term;
        }
        double last = term * a / c * c / (c - a);
        return last / (sum + last);
    }

    @Test
    void referralCountsArePoisson() {
        ScenarioResult r = run(load(QUEUE), 10, 101);
        assertCovers(r, Metrics.REFERRALS_PER_MONTH, 300);
        // Index of dispersion over all months of all replications: Σ (x − λ)² / λ ~ χ²(N).
        double stat = 0;
        int n = 0;
        for (ReplicationResult rep : r.replications()) {
            for (double x : rep.monthly().get(Metrics.M_REFERRALS)) {
                stat += (x - 300) * (x - 300) / 300;
                n++;
            }
        }
        double p = new ChiSquaredDistribution(n).cumulativeProbability(stat);
        assertTrue(p > 0.0005 && p < 0.9995, "monthly counts are not Poisson: dispersion statistic " + stat + " on " + n
                + " months, P = " + p);
    }

    @Test
    void seasonalityShapesMonthlyCounts() {
        ScenarioResult r = run(load(QUEUE, "arrivals.seasonality_multipliers.0=1.5", "arrivals.seasonality_multipliers.6=0.5"), 10, 102);
        double jan = 0;
        double jul = 0;
        int years = 0;
        for (ReplicationResult rep : r.replications()) {
            double[] m = rep.monthly().get(Metrics.M_REFERRALS);
            // Reporting month 0 is a January (month index 0 of the seasonality list) since warm-up is whole years.
            for (int y = 0; y + 11 < m.length; y += 12) {
                jan += m[y];
                jul += m[y + 6];
                years++;
            }
        }
        double expectedJan = 450 * years;
        double expectedJul = 150 * years;
        assertTrue(Math.abs(jan - expectedJan) < 4 * Math.sqrt(expectedJan), "January total " + jan + " vs " + expectedJan);
        assertTrue(Math.abs(jul - expectedJul) < 4 * Math.sqrt(expectedJul), "July total " + jul + " vs " + expectedJul);
    }

    @Test
    void assessmentQueueMatchesErlangC() {
        double lambda = 300 / DAYS_PER_MONTH;
        int c = 12;
        ScenarioResult r = run(load(QUEUE), 20, 103);
        double wq = erlangC(c, lambda * 1.0) / (c * 1.0 - lambda);
        assertCovers(r, Metrics.ASSESSMENT_WAIT_DAYS_MEAN, wq);
    }

    @Test
    void singleServerMatchesMm1() {
        double lambda = 30 / DAYS_PER_MONTH;
        double mu = 1 / 0.8;
        ScenarioResult r = run(load(QUEUE, "arrivals.rate_per_month=30", "assessment.workers=1",
                "assessment.service_days.mean=0.8"), 20, 104);
        double rho = lambda / mu;
        assertCovers(r, Metrics.ASSESSMENT_WAIT_DAYS_MEAN, rho / (mu - lambda));
    }

    @Test
    void openPathwayOccupancyIsLambdaTimesMeanStay() {
        double lambda = 300 / DAYS_PER_MONTH;
        ScenarioResult exp = run(load(QUEUE), 10, 105);
        assertCovers(exp, Metrics.IN_TREATMENT_MEAN, lambda * 90);
    }

    @Test
    void infiniteServerOccupancyIsInsensitiveToTheStayDistribution() {
        // M/G/∞: occupancy depends on the stay distribution only through its mean.
        double lambda = 300 / DAYS_PER_MONTH;
        Scenario s = load(Path.of("src/test/resources/validation/queue-lognormal.yaml"));
        ScenarioResult r = run(s, 10, 106);
        assertCovers(r, Metrics.IN_TREATMENT_MEAN, lambda * 90);
    }

    @Test
    void aSeededPathwayWithDeathsIsAtRestFromTheStart() {
        // The same with deaths in the pathway at 1,000 per 1,000 a year: a stay lasts min(L, D),
        // so the occupancy is λ·E[min(L, D)] = λ·E[(1 − e^(−μL))/μ] (quadrature below). Those
        // found part-way through have survived that long: seeded as if no one died, the first
        // months read 666–681 against 651.8.
        double lambda = 300 / DAYS_PER_MONTH;
        double theory = lambda * timeInWithDeaths();
        ScenarioResult r = run(load(Path.of("src/test/resources/validation/queue-lognormal-deaths-seeded.yaml")), 20, 107);
        assertAtRestThroughout(r, theory);
    }

    @Test
    void aSeededPathwayWithReturnsIsAtRestFromTheStart() {
        // The pathway above with everyone who completes relapsing and half of them re-presenting:
        // a stay ends alive with chance s = E[e^(−μL)] = 1 − μ·E[min(L, D)], a person comes back
        // with chance q = s/2, entries at rest are λ/(1 − q) and re-presentations λ·q/(1 − q). The
        // people due back at time 0 are seeded too; taking deaths in the pathway as nil in their
        // number left them 10% short, and the first two years read 1,068–1,091 in treatment and
        // 196.9 re-presentations a month.
        double lambda = 300 / DAYS_PER_MONTH;
        double timeIn = timeInWithDeaths();
        double q = (1 - DEATH_RATE * timeIn) / 2;
        ScenarioResult r = run(load(Path.of("src/test/resources/validation/queue-lognormal-deaths-returning.yaml")), 20, 107);
        assertAtRestThroughout(r, lambda / (1 - q) * timeIn);
        ConfidenceInterval back = ConfidenceInterval.student(r.values(Metrics.REPRESENTATIONS_PER_MONTH), 0.95);
        double theory = lambda * q / (1 - q) * DAYS_PER_MONTH;
        assertTrue(back.contains(theory), String.format("re-presentations a month %.1f (%.1f to %.1f), theory %.2f",
                back.mean(), back.low(), back.high(), theory));
    }

    @Test
    void theAssessmentPipelineIsAtRestFromTheStart() {
        // The file above with a 20-day gamma assessment (shape 0.5): at rest 16.691 referrals a
        // day are in assessment for 20 days on average, 333.8 people; seeded at time 0 as an
        // M/G/∞ population (new referrals and re-presentations), and so at every later moment.
        // Without them the pathway took in fewer than at rest for weeks and its first three
        // months read 991, 948 and 984. Five intervals, each at 99%, so that the test as a whole
        // misses by chance about one seed in twenty, as a single 95% interval does.
        double lambda = 300 / DAYS_PER_MONTH;
        double timeIn = timeInWithDeaths();
        double q = (1 - DEATH_RATE * timeIn) / 2;
        double theory = lambda / (1 - q) * 20;
        Scenario s = load(Path.of("src/test/resources/validation/queue-assessment-seeded.yaml"));
        int n = 20;
        double[] atStart = new double[n];
        double[] later = new double[n];
        for (int r = 0; r < n; r++) {
            int[] seeded = new int[1];
            double[] sum = new double[1];
            int[] checks = new int[1];
            TreatmentSystem system = new TreatmentSystem(s, RandomStreams.fromSeed(ValidationSupport.seed(108)), r).trace(
                    (k, day, activity, pathway, group, complexity, resource) -> {
                        if (activity == Activity.IN_ASSESSMENT_AT_START) seeded[0]++;
                    });
            system.audit(10, c -> {
                sum[0] += c.inAssessment() + c.waitingAssessment();
                checks[0]++;
            });
            system.run();
            atStart[r] = seeded[0];
            later[r] = sum[0] / checks[0];
        }
        for (double[] x : new double[][] {atStart, later}) {
            ConfidenceInterval c = ConfidenceInterval.student(x, 0.99);
            assertTrue(c.contains(theory), String.format("in assessment %s: %.1f (99%% CI %.1f to %.1f), theory %.2f",
                    x == atStart ? "at time 0" : "every 10 days after", c.mean(), c.low(), c.high(), theory));
        }
        ScenarioResult r = run(load(Path.of("src/test/resources/validation/queue-assessment-seeded.yaml")), 20, 108);
        assertAtRestThroughout(r, lambda / (1 - q) * timeIn, 0.99);
    }

    @Test
    void seededPeopleBeyondTheAssessorsWaitForAWholeAssessment() {
        // The 20-day gamma file (shape 0.5) with 150 assessors for the ~334 people seeded in
        // assessment: those referred last wait from time 0. Their assessment, when it starts, is
        // a whole one (mean 20 days), not the remainder of one under way (mean E[S²]/2E[S] = 30).
        Scenario s = load(Path.of("src/test/resources/validation/queue-assessment-seeded.yaml"), "assessment.workers=150",
                "horizon_months=6");
        int n = 10;
        double[] meanLength = new double[n];
        for (int r = 0; r < n; r++) {
            java.util.Map<Integer, Double> started = new java.util.HashMap<>();
            java.util.Set<Integer> queued = new java.util.HashSet<>();
            double[] sum = new double[2];
            new TreatmentSystem(s, RandomStreams.fromSeed(ValidationSupport.seed(110)), r).trace(
                    (k, day, activity, pathway, group, complexity, resource) -> {
                        if (activity == Activity.IN_ASSESSMENT_AT_START && resource == null) queued.add(k);
                        if (activity == Activity.ASSESSMENT_START && queued.contains(k)) started.put(k, day);
                        if (activity == Activity.ASSESSMENT_END && started.containsKey(k) && queued.remove(k)) {
                            sum[0] += day - started.get(k);
                            sum[1]++;
                        }
                    }).run();
            assertTrue(sum[1] > 100, "seeded people who waited and were assessed: " + sum[1]);
            meanLength[r] = sum[0] / sum[1];
        }
        ConfidenceInterval c = ConfidenceInterval.student(meanLength, 0.95);
        assertTrue(c.contains(20), String.format("assessments of seeded people who waited: %.2f days (95%% CI %.2f to %.2f), a whole one 20",
                c.mean(), c.low(), c.high()));
    }

    @Test
    void anInitialCaseloadOfZerosSeedsNobody() {
        // Zeros are a start from empty, as no initial caseload is: no one in a pathway, due
        // back or in assessment at time 0 (the assessment pipeline alone was seeded once).
        Scenario s = load(Path.of("src/test/resources/validation/queue-assessment-seeded.yaml"), "initial_caseload.open=0");
        int[] atStart = new int[1];
        new TreatmentSystem(s, RandomStreams.fromSeed(1), 0).trace((k, day, activity, pathway, group, complexity, resource) -> {
            if (day == 0 && activity != Activity.REFERRAL) atStart[0]++;
        }).run();
        assertTrue(atStart[0] == 0, atStart[0] + " people seeded at time 0 from an initial caseload of zeros");
    }

    @Test
    void anAssessmentLongerThanTheRunSeedsOnlyThoseReferredWithinIt() {
        // The file's assessments average a million days: seeding the whole pipeline of a system
        // at rest would hold 16.7 million people; the look-back (the run's length, 121.75 days)
        // keeps those referred within it who are still in assessment.
        double lambda = 300 / DAYS_PER_MONTH;
        double q = (1 - DEATH_RATE * timeInWithDeaths()) / 2;
        double lookBack = 4 * DAYS_PER_MONTH;
        double theory = lambda / (1 - q) * 1e6 * -Math.expm1(-lookBack / 1e6);
        Scenario s = load(Path.of("src/test/resources/validation/queue-assessment-long.yaml"));
        double[] atStart = new double[20];
        for (int r = 0; r < atStart.length; r++) {
            int[] seeded = new int[1];
            new TreatmentSystem(s, RandomStreams.fromSeed(ValidationSupport.seed(109)), r).trace((k, day, activity, pathway, group, complexity, resource) -> {
                if (activity == Activity.IN_ASSESSMENT_AT_START) seeded[0]++;
            }).run();
            atStart[r] = seeded[0];
        }
        ConfidenceInterval c = ConfidenceInterval.student(atStart, 0.95);
        assertTrue(c.contains(theory), String.format("in assessment at time 0: %.1f (95%% CI %.1f to %.1f), theory %.2f",
                c.mean(), c.low(), c.high(), theory));
    }

    @Test
    void aSeededPathwayIsAtRestFromTheStart() {
        // M/G/∞ started with its mean occupancy, each person length-biased and a uniform way
        // through their stay: the expected occupancy is λ·E[stay] at every moment, not only
        // after a warm-up. Heavy-tailed stays (lognormal, sd 150 days for a mean of 90) show
        // any shortfall in the long stays as a dip over the first months.
        double lambda = 300 / DAYS_PER_MONTH;
        ScenarioResult r = run(load(Path.of("src/test/resources/validation/queue-lognormal-seeded.yaml")), 20, 107);
        assertAtRestThroughout(r, lambda * 90);
    }

    /** Deaths in the pathways of the deaths-seeded files: 1,000 per 1,000 a year, a day. */
    private static final double DEATH_RATE = 1.0 / 365.25;

    /** E[min(L, D)] = E[(1 − e^(−μL))/μ] for the lognormal stays (mean 90, sd 150) at {@link #DEATH_RATE}, by quadrature. */
    private static double timeInWithDeaths() {
        org.caseload.scenario.Distribution stay = org.caseload.scenario.Distribution.Lognormal.ofMeanSd(90, 150);
        int points = 200_000;
        double sum = 0;
        for (int i = 0; i < points; i++) sum += -Math.expm1(-DEATH_RATE * stay.quantile((i + 0.5) / points)) / DEATH_RATE;
        return sum / points;
    }

    /** People in treatment cover {@code theory} over months 0–3, 3–12 and 12–24 (95% CI over replications). */
    private static void assertAtRestThroughout(ScenarioResult r, double theory) {
        assertAtRestThroughout(r, theory, 0.95);
    }

    /** As above, with intervals at {@code level}. */
    private static void assertAtRestThroughout(ScenarioResult r, double theory, double level) {
        for (int[] months : new int[][] {{0, 3}, {3, 12}, {12, 24}}) {
            double[] means = new double[r.replications().size()];
            for (int i = 0; i < means.length; i++) {
                double[] m = r.replications().get(i).monthly().get(Metrics.M_IN_TREATMENT);
                means[i] = ValidationSupport.mean(java.util.Arrays.copyOfRange(m, months[0], months[1]));
            }
            ConfidenceInterval c = ConfidenceInterval.student(means, level);
            assertTrue(c.contains(theory), String.format("months %d-%d: in treatment %.1f (%.0f%% CI %.1f to %.1f), theory %.2f",
                    months[0], months[1], c.mean(), 100 * level, c.low(), c.high(), theory));
        }
    }
}
