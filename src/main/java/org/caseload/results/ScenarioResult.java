package org.caseload.results;

import java.util.List;

/**
 * Every replication of one scenario, in replication order.
 *
 * @param scenario     the scenario's name (as written in output files)
 * @param replications results, element r being replication r
 */
public record ScenarioResult(String scenario, List<ReplicationResult> replications) {
    public ScenarioResult {
        replications = List.copyOf(replications);
        for (int i = 0; i < replications.size(); i++) {
            if (replications.get(i).replication() != i) {
                throw new IllegalArgumentException("replication " + i + " is out of order");
            }
        }
    }

    /** The values of one metric across replications, in replication order. */
    public double[] values(String metric) {
        double[] v = new double[replications.size()];
        for (int i = 0; i < v.length; i++) v[i] = replications.get(i).metric(metric);
        return v;
    }
}
