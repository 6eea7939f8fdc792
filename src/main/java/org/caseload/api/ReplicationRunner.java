package org.caseload.api;

import java.util.List;
import org.caseload.batch.PortableBatch;
import org.caseload.results.ReplicationResult;

/**
 * Computes a study's replications somewhere other than this JVM's thread pool, e.g. on Spark
 * executors ({@code org.caseload.spark.SparkRunner} in the {@code -Pspark} build). The batch
 * arrives in portable form; results must come back exactly (the journal encoding guarantees
 * it), so the files are the same bytes as a local run.
 */
public interface ReplicationRunner {
    /** For each scenario, replications {@code [first, end)} in replication order. */
    List<List<ReplicationResult>> run(PortableBatch batch, int first, int end);
}
