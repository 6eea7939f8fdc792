package org.caseload.experiment;

import java.util.ArrayList;
import java.util.List;
import org.caseload.fault.InputException;
import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Ranges;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ConfidenceInterval;

/**
 * A scenario's own steady state, the caseload its {@code initial_caseload} should give: the
 * system as it stands at time 0 (no budget changes, demand steps or trend) is run for a long
 * warm-up, and the time-averaged number in each pathway over the reporting months that follow
 * is averaged over replications. This is how the shipped files' initial caseloads were found.
 */
public final class RestCaseload {
    /** Months of warm-up before measuring, unless told otherwise: long enough for the shipped systems to forget their start. */
    public static final int DEFAULT_WARMUP_MONTHS = 300;

    private RestCaseload() {
    }

    /**
     * One pathway's caseload at rest.
     *
     * @param people  the time-averaged number in the pathway: mean over replications and its 95% interval
     * @param waiting the time-averaged number waiting for a place in it (not seeded at time 0)
     * @param given   what the scenario's {@code initial_caseload} gives now (null when it gives none)
     */
    public record Pathway(String name, ConfidenceInterval people, ConfidenceInterval waiting, Integer given) {
        /** Whole people, as {@code initial_caseload} takes them. */
        public long whole() {
            return Math.round(people.mean());
        }
    }

    /** @param pathways in the scenario's order */
    public record Result(String scenario, int warmupMonths, int horizonMonths, int replications, List<Pathway> pathways) {
        public Result {
            pathways = List.copyOf(pathways);
        }
    }

    /** Refuses a warm-up that is not a whole number of months from 1 to what the run length allows. */
    public static void checkWarmup(int months, Scenario s) {
        int most = Ranges.MAX_MONTHS - s.horizonMonths();
        if (months < 1 || months > most) {
            throw new InputException("--months must be 1 to " + most + " (warm-up plus the scenario's "
                    + s.horizonMonths() + " reporting months at most " + Ranges.MAX_MONTHS + "), got " + months);
        }
    }

    /** The scenario as it stands at time 0, warmed up for {@code months}: budget changes, demand steps and trend left out. */
    public static Scenario atTimeZero(Scenario s, int months) {
        Scenario.Arrivals a = s.arrivals();
        Scenario.Arrivals steady = new Scenario.Arrivals(a.ratePerMonth(), a.seasonalityMultipliers(), 0, List.of());
        Scenario.Budget b = s.budget();
        return s.withArrivals(steady).withRun(s.horizonMonths(), months, s.initialCaseload(), b.withChanges(b.annualGbp(), List.of()));
    }

    public static Result measure(Experiment experiment, Scenario s, int months, int replications) {
        checkWarmup(months, s);
        if (replications < 2) throw new InputException("--replications must be at least 2 (an interval needs two), got " + replications);
        Scenario run = atTimeZero(s, months);
        WorkLimits.checkHeld(List.of(run), replications, WorkLimits.heapBytes());
        ScenarioResult result = experiment.run(run, replications);
        List<Pathway> pathways = new ArrayList<>();
        for (String p : s.pathways().keySet()) {
            ConfidenceInterval people = ConfidenceInterval.student(result.values(Metrics.IN_TREATMENT_PREFIX + p), 0.95);
            ConfidenceInterval waiting = ConfidenceInterval.student(result.values(Metrics.PATHWAY_WAITING_PREFIX + p), 0.95);
            pathways.add(new Pathway(p, people, waiting, s.initialCaseload().get(p)));
        }
        return new Result(s.name(), months, s.horizonMonths(), replications, pathways);
    }
}
