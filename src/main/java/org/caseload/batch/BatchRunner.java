package org.caseload.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.caseload.engine.RandomStreams;
import org.caseload.experiment.Experiment;
import org.caseload.results.ReplicationResult;
import org.caseload.scenario.Scenario;

/**
 * Runs a slice of a batch's replications for every scenario, taking the replications a journal
 * already holds from it and recording each new one in the journal as soon as it finishes. A
 * replication's result depends only on (scenario, seed, replication index), so a result read
 * back from the journal is the one the run would have computed.
 */
public final class BatchRunner {
    private BatchRunner() {
    }

    /**
     * @param journal  where finished replications are recorded and looked up, or null for none
     * @param finished told once per replication finished in this call (not those read back)
     * @return for each scenario, its replications {@code [first, end)} in replication order
     */
    public static List<List<ReplicationResult>> run(Experiment experiment, List<Scenario> scenarios,
                                                    List<RandomStreams> streams, int first, int end, Journal journal,
                                                    IntConsumer finished) {
        List<List<ReplicationResult>> out = new ArrayList<>();
        for (int s = 0; s < scenarios.size(); s++) {
            final int scenario = s;
            ReplicationResult[] got = new ReplicationResult[end - first];
            List<Integer> missing = new ArrayList<>();
            for (int r = first; r < end; r++) {
                ReplicationResult known = journal == null ? null : journal.get(s, r);
                if (known != null) got[r - first] = known;
                else missing.add(r);
            }
            int[] reps = missing.stream().mapToInt(Integer::intValue).toArray();
            List<ReplicationResult> fresh = experiment.run(scenarios.get(s), streams.get(s), reps, res -> {
                if (journal != null) journal.append(scenario, res);
                finished.accept(res.replication());
            });
            for (ReplicationResult res : fresh) got[res.replication() - first] = res;
            out.add(List.of(got));
        }
        return out;
    }

    /** How many of the slice's replications (over all scenarios) the journal already holds. */
    public static int recorded(Journal journal, int scenarios, int first, int end) {
        int n = 0;
        for (int s = 0; s < scenarios; s++) {
            for (int r = first; r < end; r++) if (journal.get(s, r) != null) n++;
        }
        return n;
    }
}
