package org.caseload.batch;

import java.util.List;
import java.util.function.IntConsumer;
import org.caseload.engine.RandomStreams;
import org.caseload.experiment.Experiment;
import org.caseload.results.ReplicationResult;
import org.caseload.scenario.Scenario;
import org.caseload.stats.BatchSummary;

/**
 * Runs a slice of a batch's replications for every scenario, taking the replications a journal
 * already holds from it and recording each new one in the journal as soon as it finishes. A
 * replication's result depends only on (scenario, seed, replication index), so a result read
 * back from the journal is the one the run would have computed. Results are summarised as they
 * come, in replication order, and not held.
 */
public final class BatchRunner {
    private BatchRunner() {
    }

    /**
     * @param journal  where finished replications are recorded and looked up, or null for none
     * @param finished told once per replication finished in this call (not those read back)
     * @param summary  given replications {@code [first, end)} of every scenario, in replication order
     * @return the most results ever held back waiting for an earlier one (see {@link Experiment#runInOrder})
     */
    public static int run(Experiment experiment, List<Scenario> scenarios, List<RandomStreams> streams, int first, int end,
                          Journal journal, IntConsumer finished, BatchSummary summary) {
        return experiment.runInOrder(scenarios, streams, first, end, journal == null ? Experiment.Known.NONE : journal, (s, res) -> {
            if (journal != null) journal.append(s, res);
            finished.accept(res.replication());
        }, summary::add);
    }

    /** How many of the slice's replications (over all scenarios) the journal already holds. */
    public static int recorded(Journal journal, int scenarios, int first, int end) {
        int n = 0;
        for (int s = 0; s < scenarios; s++) {
            for (int r = first; r < end; r++) if (journal.has(s, r)) n++;
        }
        return n;
    }
}
