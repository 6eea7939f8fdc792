package org.caseload.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The results of one replication of one scenario: one value per metric for the reporting
 * period, and one value per reported month for each monthly series.
 *
 * <p>Maps keep insertion order, which is the catalogue order, so output is deterministic.
 *
 * @param replication zero-based replication index (also the substream index)
 * @param metrics     metric name to value over the reporting period
 * @param monthly     monthly metric name to values, index 0 = first reported month
 */
public record ReplicationResult(int replication, Map<String, Double> metrics, Map<String, double[]> monthly) {
    public ReplicationResult {
        metrics = MetricValues.of(metrics); // compact: results held in memory keep every replication's
        monthly = Collections.unmodifiableMap(new LinkedHashMap<>(monthly));
    }

    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) throw new IllegalArgumentException("no metric named " + name);
        return v;
    }
}
