package org.caseload.api;

/**
 * One row of a comparison: an alternative minus the baseline on one metric, paired
 * replication by replication (common random numbers), with its test and verdict.
 *
 * @param metric        metric name (see the README's metric table)
 * @param baseline      baseline scenario name
 * @param scenario      alternative scenario name
 * @param baselineMean  baseline mean over the replications where both scenarios define the metric
 * @param scenarioMean  alternative mean over the same replications
 * @param difference    mean paired difference (alternative − baseline) with its 95% CI
 * @param pValue        paired-t p-value
 * @param pAdjusted     Holm-adjusted p-value across all metrics and alternatives
 * @param verdict       "better", "worse", "higher", "lower", "no detectable difference", or "undefined" (fewer than
 *                      two replications where both define the metric)
 */
public record Difference(String metric, String baseline, String scenario, double baselineMean, double scenarioMean,
                         Estimate difference, double pValue, double pAdjusted, String verdict) {
}
