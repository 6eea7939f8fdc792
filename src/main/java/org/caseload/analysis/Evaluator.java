package org.caseload.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caseload.engine.RandomStreams;
import org.caseload.experiment.WorkLimits;
import org.caseload.results.ReplicationResult;
import org.caseload.model.TreatmentSystem;
import org.caseload.scenario.Scenario;

/**
 * Runs many design points of an analysis at once: each point is a scenario and a block of
 * substreams, and every (point, replication) pair is one task on a shared thread pool, so
 * cores stay busy even when each point has only a couple of replications. Results are
 * gathered by point and replication index, never by finishing order, so they do not depend
 * on the thread count.
 *
 * <p>Common random numbers are chosen by the caller through {@link Point#firstSubstream}:
 * points that share it use the same random numbers, replication by replication.
 */
public final class Evaluator implements AutoCloseable {
    private static final int MAX_PENDING_TASKS = 4096;
    private final RandomStreams streams;
    private final int maxPending;
    private final ExecutorService pool;
    private final long maxEvents;
    private Work work;

    /**
     * Where the replications of a design come from when not all are simulated here: a shard
     * simulates a slice of them ({@code --shard}), a merge simulates none and reads every one
     * back from the shards. Items are numbered point by point, then replication by replication.
     */
    public interface Work {
        /** Whether this run simulates item {@code item} (of point {@code point}, on substream {@code substream}). */
        boolean simulates(int item, int point, int substream);

        /** Told each simulated result, with its point's index (any thread). */
        void simulated(int point, ReplicationResult result);

        /** The result of item {@code item} (point {@code point}, substream {@code substream}), not simulated here; null when not needed. */
        ReplicationResult recorded(int item, int point, int substream);
    }

    /** Simulates only what {@code w} asks for (null: everything). */
    public Evaluator work(Work w) {
        work = w;
        return this;
    }

    public Evaluator(RandomStreams streams, int threads) {
        this(streams, threads, WorkLimits.DEFAULT_MAX_EVENTS);
    }

    /** @param maxEvents the most events one replication may take (see {@link WorkLimits}) */
    public Evaluator(RandomStreams streams, int threads, long maxEvents) {
        this(streams, threads, maxEvents, MAX_PENDING_TASKS);
    }

    /** @param maxPending replications submitted at once (at least one point's worth) */
    Evaluator(RandomStreams streams, int threads, long maxEvents, int maxPending) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.streams = streams;
        this.maxEvents = maxEvents;
        this.maxPending = maxPending;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "caseload-analysis");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One design point.
     *
     * @param scenario       the scenario with this point's values written in
     * @param firstSubstream replication r uses substream firstSubstream + r
     * @param replications   how many replications
     */
    public record Point(Scenario scenario, int firstSubstream, int replications) {
    }

    /**
     * @param metrics      the metrics to keep, in the order of the returned rows
     * @param replicationDone called (from any thread) after each replication, for progress
     * @return for each point, {@code values[metric][replication]}
     */
    public List<double[][]> run(List<Point> points, List<String> metrics, Runnable replicationDone) {
        List<double[][]> out = new ArrayList<>();
        int[] firstItem = new int[points.size()];
        for (int p = 1; p < points.size(); p++) firstItem[p] = firstItem[p - 1] + points.get(p - 1).replications();
        int from = 0;
        while (from < points.size()) {
            // Submit a bounded batch at a time, so pending tasks and their results do not grow with the design.
            int to = from;
            int tasks = 0;
            while (to < points.size() && (tasks == 0 || tasks + points.get(to).replications() <= maxPending)) {
                tasks += points.get(to).replications();
                to++;
            }
            out.addAll(runBatch(points, from, to, firstItem, metrics, replicationDone));
            from = to;
        }
        return out;
    }

    private List<double[][]> runBatch(List<Point> all, int from, int to, int[] firstItem, List<String> metrics,
                                      Runnable replicationDone) {
        List<List<Future<double[]>>> futures = new ArrayList<>();
        Work w = work;
        for (int index = from; index < to; index++) {
            Point p = all.get(index);
            int point = index;
            // A point none of whose replications is simulated here (a merge, another shard's) is not checked.
            boolean[] simulates = new boolean[p.replications()];
            boolean any = w == null;
            for (int r = 0; r < simulates.length; r++) {
                simulates[r] = w == null || w.simulates(firstItem[index] + r, index, p.firstSubstream() + r);
                any |= simulates[r];
            }
            WorkLimits.EventBudget budget = any ? WorkLimits.budget(p.scenario(), maxEvents) : null;
            List<Future<double[]>> fs = new ArrayList<>();
            for (int r = 0; r < p.replications(); r++) {
                final int substream = p.firstSubstream() + r;
                int item = firstItem[index] + r;
                boolean simulate = simulates[r];
                fs.add(pool.submit(() -> {
                    ReplicationResult res;
                    if (simulate) {
                        res = new TreatmentSystem(p.scenario(), streams, substream).limitEvents(budget.events(), budget.origin()).run();
                        if (w != null) w.simulated(point, res);
                        replicationDone.run();
                    } else {
                        res = w.recorded(item, point, substream);
                    }
                    return values(res, metrics);
                }));
            }
            futures.add(fs);
        }
        List<double[][]> out = new ArrayList<>();
        try {
            for (List<Future<double[]>> fs : futures) {
                double[][] values = new double[metrics.size()][fs.size()];
                for (int r = 0; r < fs.size(); r++) {
                    double[] v = fs.get(r).get();
                    for (int m = 0; m < v.length; m++) values[m][r] = v[m];
                }
                out.add(values);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(futures);
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            cancel(futures);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
        return out;
    }

    /** The metrics kept, in order; a metric not reported, or a replication not simulated here, is undefined. */
    private static double[] values(ReplicationResult res, List<String> metrics) {
        double[] v = new double[metrics.size()];
        for (int m = 0; m < v.length; m++) {
            Double x = res == null ? null : res.metrics().get(metrics.get(m));
            v[m] = x == null ? Double.NaN : x;
        }
        return v;
    }

    private static void cancel(List<List<Future<double[]>>> futures) {
        futures.forEach(fs -> fs.forEach(f -> f.cancel(true)));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
