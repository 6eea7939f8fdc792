package org.caseload.batch;

import java.util.List;
import java.util.function.IntConsumer;
import org.caseload.engine.RandomStreams;
import org.caseload.experiment.Experiment;
import org.caseload.fault.InputException;
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
        boolean readBack = journal != null && journal.size() > 0;
        return experiment.runInOrder(scenarios, streams, first, end, journal == null ? Experiment.Known.NONE : journal, (s, res) -> {
            if (journal != null) journal.append(s, res);
            finished.accept(res.replication());
        }, readBack ? (s, res) -> add(summary, s, res, journal) : summary::add);
    }

    /**
     * Adds a result to the summary of a batch that reads results back from {@code journal}; one
     * whose metrics (or months) are not those of the others means that the journal holds another
     * build's results (or was edited): a user mistake naming it, not an internal error.
     */
    private static void add(BatchSummary summary, int scenario, ReplicationResult result, Journal journal) {
        try {
            summary.add(scenario, result);
        } catch (IllegalArgumentException unlike) {
            throw new InputException(journal.file() + ": its replications do not have the metrics this build computes, so a "
                    + "different build of caseload wrote them; remove it to run the batch from the start");
        }
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
