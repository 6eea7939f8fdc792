package org.caseload.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ReplicationStore;
import org.caseload.results.ScenarioResult;

/**
 * The summaries of a batch's scenarios and, for a comparison, the running sums of every paired
 * difference of each alternative with the baseline, fed one replication of every scenario at a
 * time in replication order. Beyond the row being gathered, replications are held only by the
 * scenarios' stores (on disk for {@link #onDisk}, in memory for {@link #of}).
 */
public final class BatchSummary {
    private final List<ScenarioSummary> scenarios;
    private final boolean paired;
    /** Per alternative (index 1..), per metric both report: the pairs so far. */
    private final List<Map<String, PairedComparison.Pairs>> pairs = new ArrayList<>();
    /** The scenarios' results of the replication being gathered by {@link #add(int, ReplicationResult)}. */
    private final ReplicationResult[] row;

    /** @param paired whether the first scenario is a baseline the others are compared with */
    public BatchSummary(List<ScenarioSummary> scenarios, boolean paired) {
        this.scenarios = List.copyOf(scenarios);
        this.paired = paired;
        this.row = new ReplicationResult[scenarios.size()];
    }

    /** A summary whose scenarios keep their replications in files in {@code folder} (see {@link ReplicationStore#spill}). */
    public static BatchSummary onDisk(List<String> scenarios, boolean paired, Path folder) {
        List<ScenarioSummary> out = new ArrayList<>();
        for (String name : scenarios) out.add(new ScenarioSummary(name, ReplicationStore.spill(folder)));
        return new BatchSummary(out, paired);
    }

    /**
     * Adds one scenario's result of the replication being gathered, scenarios in order: the last
     * scenario's completes the replication, which is then added.
     */
    public void add(int scenario, ReplicationResult result) {
        row[scenario] = result;
        if (scenario == row.length - 1) {
            add(List.of(row));
            Arrays.fill(row, null);
        }
    }

    /** The summary of results already in memory (every scenario with the same replications when paired). */
    public static BatchSummary of(List<ScenarioResult> results, boolean paired) {
        List<ScenarioSummary> out = new ArrayList<>();
        for (ScenarioResult r : results) out.add(new ScenarioSummary(r.scenario(), ReplicationStore.inMemory()));
        BatchSummary b = new BatchSummary(out, paired);
        int n = results.isEmpty() ? 0 : results.get(0).replications().size();
        for (ScenarioResult r : results) {
            if (r.replications().size() != n) throw new IllegalArgumentException("paired comparison needs the same number of replications");
        }
        for (int i = 0; i < n; i++) {
            List<ReplicationResult> one = new ArrayList<>();
            for (ScenarioResult r : results) one.add(r.replications().get(i));
            b.add(one);
        }
        return b;
    }

    /** Adds one replication of every scenario (the same replication index, scenario order). */
    public void add(List<ReplicationResult> oneOfEach) {
        if (oneOfEach.size() != scenarios.size()) throw new IllegalArgumentException("one result per scenario");
        for (int s = 0; s < scenarios.size(); s++) scenarios.get(s).add(oneOfEach.get(s));
        if (!paired) return;
        Map<String, Double> base = oneOfEach.get(0).metrics();
        if (pairs.isEmpty()) {
            for (int a = 1; a < oneOfEach.size(); a++) {
                Map<String, PairedComparison.Pairs> m = new LinkedHashMap<>();
                for (String metric : base.keySet()) {
                    if (oneOfEach.get(a).metrics().containsKey(metric)) m.put(metric, new PairedComparison.Pairs());
                }
                pairs.add(m);
            }
        }
        for (int a = 1; a < oneOfEach.size(); a++) {
            Map<String, Double> alt = oneOfEach.get(a).metrics();
            for (Map.Entry<String, PairedComparison.Pairs> e : pairs.get(a - 1).entrySet()) {
                e.getValue().add(base.get(e.getKey()), alt.get(e.getKey()));
            }
        }
    }

    public List<ScenarioSummary> scenarios() {
        return scenarios;
    }

    /** The paired comparison of alternative {@code alternative} (1-based in scenario order) on a metric both report. */
    public PairedComparison paired(int alternative, String metric, double level) {
        if (!paired) throw new IllegalStateException("not a comparison");
        PairedComparison.Pairs p = pairs.isEmpty() ? new PairedComparison.Pairs() : pairs.get(alternative - 1).get(metric);
        if (p == null) throw new IllegalArgumentException("metric " + metric + " is not reported by both scenarios");
        return p.comparison(level);
    }
}
