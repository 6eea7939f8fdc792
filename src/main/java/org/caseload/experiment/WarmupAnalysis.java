package org.caseload.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Ranges;
import org.caseload.scenario.Scenario;
import org.caseload.stats.Mser;
import org.caseload.stats.Welch;

/**
 * Warm-up analysis: runs a scenario from an empty system (no initial caseload, no warm-up,
 * no budget changes) and finds the MSER-5 truncation point of the monthly mean series of
 * the headline levels, averaged over replications, with Welch's moving averages to plot.
 */
public final class WarmupAnalysis {
    public static final List<String> SERIES = List.of(Metrics.M_IN_TREATMENT, Metrics.M_WAITING_LIST, Metrics.M_CASELOAD_PER_WORKER);
    /** MSER-5 needs several 5-month batches. */
    public static final int MIN_MONTHS = 10;
    public static final int BATCH = 5;

    private WarmupAnalysis() {
    }

    /**
     * @param months       months simulated from empty
     * @param means        per series, the monthly mean over replications
     * @param truncation   per series, the MSER-5 truncation month
     * @param suggested    the largest truncation: the warm-up to use
     */
    public record Result(int months, Map<String, double[]> means, Map<String, Integer> truncation, int suggested) {
        public Result {
            means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
            truncation = Collections.unmodifiableMap(new LinkedHashMap<>(truncation));
        }

        /** The month MSER-5 cannot go past (half the batches): a truncation there means "not settled". */
        public int searchLimit() {
            return (months / BATCH) / 2 * BATCH;
        }

        /** Welch's moving average of one series. */
        public double[] movingAverage(String series, int window) {
            return Welch.movingAverage(means.get(series), window);
        }
    }

    /** Checks the length of the run (at least {@value #MIN_MONTHS} months, at most {@link Ranges#MAX_MONTHS}). */
    public static void checkMonths(int months, String option) {
        if (months < MIN_MONTHS) {
            throw new org.caseload.fault.InputException(option + " must be at least " + MIN_MONTHS
                    + " (MSER-5 needs several 5-month batches), got " + months);
        }
        if (months > Ranges.MAX_MONTHS) {
            throw new org.caseload.fault.InputException(option + " must be at most " + Ranges.MAX_MONTHS
                    + " (a century; a system that has not settled by then will not), got " + months);
        }
    }

    public static Result run(Experiment experiment, Scenario scenario, int months, int replications) {
        checkMonths(months, "--months");
        Scenario empty = fromEmpty(scenario, months);
        WorkLimits.checkHeld(List.of(empty), replications, WorkLimits.heapBytes());
        ScenarioResult result = experiment.run(empty, replications);
        Map<String, double[]> means = new LinkedHashMap<>();
        Map<String, Integer> truncation = new LinkedHashMap<>();
        for (String series : SERIES) {
            double[] mean = new double[months];
            for (int i = 0; i < months; i++) {
                for (ReplicationResult r : result.replications()) mean[i] += r.monthly().get(series)[i] / result.replications().size();
            }
            means.put(series, mean);
            truncation.put(series, Mser.truncationPoint(mean, BATCH));
        }
        int suggested = truncation.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new Result(months, means, truncation, suggested);
    }

    /** The scenario simulated from empty for {@code months}, without budget changes. */
    public static Scenario fromEmpty(Scenario s, int months) {
        Scenario.Budget b = s.budget();
        return s.withRun(months, 0, Map.of(), b.withChanges(Double.NaN, List.of()));
    }
}
