package org.caseload.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caseload.engine.RandomStreams;
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
    private final RandomStreams streams;
    private final ExecutorService pool;

    public Evaluator(RandomStreams streams, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.streams = streams;
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
        List<List<Future<double[]>>> futures = new ArrayList<>();
        for (Point p : points) {
            List<Future<double[]>> fs = new ArrayList<>();
            for (int r = 0; r < p.replications(); r++) {
                final int substream = p.firstSubstream() + r;
                fs.add(pool.submit(() -> {
                    ReplicationResult res = new TreatmentSystem(p.scenario(), streams, substream).run();
                    double[] v = new double[metrics.size()];
                    for (int m = 0; m < v.length; m++) {
                        Double x = res.metrics().get(metrics.get(m));
                        v[m] = x == null ? Double.NaN : x; // not reported for this point: undefined
                    }
                    replicationDone.run();
                    return v;
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

    private static void cancel(List<List<Future<double[]>>> futures) {
        futures.forEach(fs -> fs.forEach(f -> f.cancel(true)));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
