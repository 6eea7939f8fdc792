package org.caseload.stats;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ReplicationStore;
import org.caseload.results.ScenarioResult;

/**
 * One scenario's replications as every output needs them, built one replication at a time in
 * replication order: a running mean and spread per metric and per monthly series and month
 * (summary.csv, monthly.csv, charts, the report), how many replications left each metric
 * undefined, and the replications themselves in a {@link ReplicationStore} for the outputs that
 * list every value. Memory does not grow with the replications when the store is on disk.
 */
public final class ScenarioSummary {
    private final String scenario;
    private final ReplicationStore store;
    private List<String> metricNames = List.of();
    private final Map<String, Integer> metricIndex = new HashMap<>();
    private Welford[] metrics = new Welford[0];
    private List<String> series = List.of();
    private Welford[][] monthly = new Welford[0][];
    private int first = -1;
    private int count;

    public ScenarioSummary(String scenario, ReplicationStore store) {
        this.scenario = scenario;
        this.store = store;
    }


    /**
     * Adds the next replication: the one after the last added (any first one), with the first's
     * metrics and monthly series in the same order and the series as long (values are summed by
     * position).
     */
    public void add(ReplicationResult r) {
        if (first < 0) {
            start(r);
        } else {
            if (r.replication() != first + count) {
                throw new IllegalArgumentException("replication " + r.replication() + " is out of order (expected " + (first + count) + ")");
            }
            requireSameNames(r.metrics().keySet(), metricNames, r, "metrics");
            requireSameNames(r.monthly().keySet(), series, r, "monthly series");
            int s = 0;
            for (Map.Entry<String, double[]> e : r.monthly().entrySet()) {
                if (e.getValue().length != monthly[s++].length) {
                    throw new IllegalArgumentException("replication " + r.replication() + " of " + scenario + " has "
                            + e.getValue().length + " months of " + e.getKey() + ", not the " + monthly[s - 1].length
                            + " of replication " + first);
                }
            }
        }
        int i = 0;
        for (double v : r.metrics().values()) metrics[i++].add(v);
        int s = 0;
        for (double[] values : r.monthly().values()) {
            for (int m = 0; m < values.length; m++) monthly[s][m].add(values[m]);
            s++;
        }
        store.add(r);
        count++;
    }

    private void requireSameNames(Collection<String> names, List<String> expected, ReplicationResult r, String what) {
        boolean same = names.size() == expected.size();
        Iterator<String> it = names.iterator();
        for (int i = 0; same && i < expected.size(); i++) same = it.next().equals(expected.get(i));
        if (!same) {
            throw new IllegalArgumentException("replication " + r.replication() + " of " + scenario + " has the " + what + " "
                    + names + ", not those of replication " + first + ": " + expected);
        }
    }

    private void start(ReplicationResult r) {
        first = r.replication();
        metricNames = List.copyOf(r.metrics().keySet());
        metrics = new Welford[metricNames.size()];
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] = new Welford();
            metricIndex.put(metricNames.get(i), i);
        }
        series = List.copyOf(r.monthly().keySet());
        monthly = new Welford[series.size()][];
        int s = 0;
        for (double[] values : r.monthly().values()) {
            monthly[s] = new Welford[values.length];
            for (int m = 0; m < values.length; m++) monthly[s][m] = new Welford();
            s++;
        }
    }

    public String scenario() {
        return scenario;
    }

    /** Replications added. */
    public int replications() {
        return count;
    }

    /** The metrics of the first replication, in catalogue order (empty before any). */
    public List<String> metricNames() {
        return metricNames;
    }

    /** Whether the replications carry a metric (clients per FTE exists only for caseload pathways). */
    public boolean reports(String metric) {
        return metricIndex.containsKey(metric);
    }

    /** The Student-t interval of a metric over the replications where it is defined. */
    public ConfidenceInterval interval(String metric, double level) {
        return welford(metric).interval(level);
    }

    /** Replications in which the metric is undefined. */
    public int undefined(String metric) {
        return welford(metric).undefined();
    }

    /** As {@link Undefined#note}: empty when every replication defines the metric. */
    public String undefinedNote(String metric) {
        return Undefined.note(metric, undefined(metric), count);
    }

    /** The monthly series names, in output order. */
    public List<String> monthlySeries() {
        return series;
    }

    /** Reported months of the monthly series (0 before any replication). */
    public int months() {
        return monthly.length == 0 ? 0 : monthly[0].length;
    }

    /** The interval of one monthly series in month {@code month} (0 = the first reported). */
    public ConfidenceInterval monthlyInterval(String name, int month, double level) {
        int s = series.indexOf(name);
        if (s < 0) throw new IllegalArgumentException("no monthly series named " + name);
        return monthly[s][month].interval(level);
    }

    /** One metric's value in every replication, in order (read back from the store). */
    public double[] values(String metric) {
        welford(metric);
        double[] v = new double[count];
        int i = 0;
        try (ReplicationStore.Reader r = store.reader()) {
            while (r.hasNext()) v[i++] = r.next().metric(metric);
        }
        return v;
    }

    /** Every replication, in order, one at a time (read back from the store). */
    public ReplicationStore.Reader replicationResults() {
        return store.reader();
    }

    private Welford welford(String metric) {
        Integer i = metricIndex.get(metric);
        if (i == null) throw new IllegalArgumentException("no metric named " + metric);
        return metrics[i];
    }
}
