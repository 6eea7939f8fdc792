package org.caseload.experiment;

import org.caseload.model.Trace;
import org.caseload.scenario.Scenario;

/**
 * Where the replications of an {@link Experiment} write their per-person event logs, if
 * anywhere. Each replication gets its own log, written by the worker that runs it, so logs
 * never wait for each other and their contents do not depend on the thread count.
 */
public interface EventLogs {
    /** The log of replication {@code replication} (0-based) of {@code scenario}, or null if it is not logged. */
    ReplicationLog open(Scenario scenario, int replication);

    /** One replication's log: finished when the replication succeeds, abandoned (removed) otherwise. */
    interface ReplicationLog extends Trace {
        /** The replication is complete: the log is put in its place. */
        void finish();

        /** Removes whatever was written, unless {@link #finish} came first. */
        void abandon();
    }
}
