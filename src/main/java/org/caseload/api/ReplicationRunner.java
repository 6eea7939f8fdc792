package org.caseload.api;

import org.caseload.batch.PortableBatch;
import org.caseload.experiment.Experiment;

/**
 * Computes a study's replications somewhere other than this JVM's thread pool, e.g. on Spark
 * executors ({@code org.caseload.spark.SparkRunner} in the {@code -Pspark} build). The batch
 * arrives in portable form; results must come back exactly (the journal encoding guarantees
 * it), so the files are the same bytes as a local run.
 */
public interface ReplicationRunner {
    /**
     * Computes replications {@code [first, end)} of every scenario and hands each result to
     * {@code results} in order: replication r of every scenario (scenario order), then r + 1. The
     * study summarises them as they come, so a runner need hold only what it has not handed on.
     */
    void run(PortableBatch batch, int first, int end, Experiment.Sink results);
}
