package org.caseload.api;

import java.util.List;
import org.caseload.results.ScenarioResult;
import org.caseload.report.RunFiles;
import org.caseload.stats.ConfidenceInterval;

/** The replications of one scenario, with per-metric values and estimates. */
public final class ScenarioResults {
    private final ScenarioResult result;

    ScenarioResults(ScenarioResult result) {
        this.result = result;
    }

    /** The scenario's name (as in output files). */
    public String name() {
        return result.scenario();
    }

    /** Number of replications. */
    public int replications() {
        return result.replications().size();
    }

    /** Metric names in catalogue order. */
    public List<String> metrics() {
        return RunFiles.metricNames(result);
    }

    /** One metric's value in every replication, in replication order. */
    public double[] values(String metric) {
        requireMetric(metric);
        return result.values(metric);
    }

    /** One metric's mean with its 95% confidence interval (an undefined interval, NaN, with fewer than two defined values). */
    public Estimate estimate(String metric) {
        ConfidenceInterval ci = ConfidenceInterval.student(values(metric), RunFiles.LEVEL);
        return new Estimate(ci.mean(), ci.low(), ci.high(), ci.n());
    }

    /** One monthly series of one replication (index 0 = first reported month). */
    public double[] monthly(String series, int replication) {
        double[] v = result.replications().get(replication).monthly().get(series);
        if (v == null) throw new IllegalArgumentException("no monthly series named '" + series + "'");
        return v.clone();
    }

    ScenarioResult raw() {
        return result;
    }

    private void requireMetric(String metric) {
        if (!metrics().contains(metric)) {
            throw new IllegalArgumentException("no metric named '" + metric + "' in scenario " + name());
        }
    }
}
