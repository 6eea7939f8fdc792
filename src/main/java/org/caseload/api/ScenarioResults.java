package org.caseload.api;

import java.util.List;
import org.caseload.report.RunFiles;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ReplicationStore;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.ScenarioSummary;

/**
 * The replications of one scenario, with per-metric values and estimates. Estimates come from
 * running sums; per-replication values are read back from where the batch kept them (disk, for
 * a batch of any size), so asking for them costs a pass over that file.
 */
public final class ScenarioResults {
    private final ScenarioSummary result;

    ScenarioResults(ScenarioSummary result) {
        this.result = result;
    }

    /** The scenario's name (as in output files). */
    public String name() {
        return result.scenario();
    }

    /** Number of replications. */
    public int replications() {
        return result.replications();
    }

    /** Metric names in catalogue order. */
    public List<String> metrics() {
        return result.metricNames();
    }

    /** One metric's value in every replication, in replication order. */
    public double[] values(String metric) {
        requireMetric(metric);
        return result.values(metric);
    }

    /** One metric's mean with its 95% confidence interval (an undefined interval, NaN, with fewer than two defined values). */
    public Estimate estimate(String metric) {
        requireMetric(metric);
        ConfidenceInterval ci = result.interval(metric, RunFiles.LEVEL);
        return new Estimate(ci.mean(), ci.low(), ci.high(), ci.n());
    }

    /** One monthly series of one replication (index 0 = first reported month). */
    public double[] monthly(String series, int replication) {
        if (!result.monthlySeries().contains(series)) throw new IllegalArgumentException("no monthly series named '" + series + "'");
        if (replication < 0 || replication >= result.replications()) {
            throw new IndexOutOfBoundsException("replication " + replication + " of " + result.replications());
        }
        try (ReplicationStore.Reader reps = result.replicationResults()) {
            for (int i = 0; i < replication; i++) reps.next();
            ReplicationResult r = reps.next();
            return r.monthly().get(series).clone();
        }
    }

    ScenarioSummary raw() {
        return result;
    }

    private void requireMetric(String metric) {
        if (!result.reports(metric)) {
            throw new IllegalArgumentException("no metric named '" + metric + "' in scenario " + name());
        }
    }
}
