package org.caseload.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.caseload.engine.RandomStreams;
import org.caseload.fault.InputException;
import org.caseload.model.TreatmentSystem;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;

/**
 * Runs replications of scenarios on a thread pool. Replication r of every scenario uses
 * substream r of the same streams (common random numbers), and results are gathered by
 * replication index, so output never depends on the thread count or finishing order.
 */
public final class Experiment implements AutoCloseable {
    private final RandomStreams streams;
    private final int threads;
    private final ExecutorService pool;
    private final long maxEvents;
    private volatile EventLogs eventLogs;

    /**
     * @param seed    experiment seed
     * @param threads worker threads (≥ 1)
     */
    public Experiment(long seed, int threads) {
        this(RandomStreams.fromSeed(seed), threads);
    }

    public Experiment(RandomStreams streams, int threads) {
        this(streams, threads, WorkLimits.DEFAULT_MAX_EVENTS);
    }

    /** @param maxEvents the most events one replication may take (see {@link WorkLimits}) */
    public Experiment(long seed, int threads, long maxEvents) {
        this(RandomStreams.fromSeed(seed), threads, maxEvents);
    }

    public Experiment(RandomStreams streams, int threads, long maxEvents) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        if (maxEvents < 1) throw new IllegalArgumentException("maxEvents must be >= 1");
        this.streams = streams;
        this.threads = threads;
        this.maxEvents = maxEvents;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "caseload-replication");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    public RandomStreams streams() {
        return streams;
    }

    public long maxEvents() {
        return maxEvents;
    }

    /** Replications run from now on write their event logs to {@code logs} (null: none). */
    public Experiment eventLogs(EventLogs logs) {
        eventLogs = logs;
        return this;
    }

    /**
     * Streams for scenario {@code index} of a comparison: the same streams for all
     * (common random numbers) unless {@code independent}, when each scenario gets a
     * disjoint block of streams.
     */
    public RandomStreams streamsFor(int index, boolean independent) {
        return independent ? streams.shifted(index * (1L << 48)) : streams;
    }

    /** Runs replications [from, to) of one scenario; {@code done} is told each finished index (any thread). */
    public List<ReplicationResult> run(Scenario scenario, int from, int to, IntConsumer done) {
        return run(scenario, streams, from, to, done);
    }

    /** As {@link #run(Scenario, int, int, IntConsumer)} with the given streams. */
    public List<ReplicationResult> run(Scenario scenario, RandomStreams streams, int from, int to, IntConsumer done) {
        int[] reps = new int[Math.max(0, to - from)];
        for (int i = 0; i < reps.length; i++) reps[i] = from + i;
        return run(scenario, streams, reps, r -> done.accept(r.replication()));
    }

    /**
     * Runs the listed replications of one scenario (any order, any gaps: e.g. those a resumed
     * batch still lacks). Refuses a scenario whose estimated events exceed the limit, and gives
     * each replication its event budget. {@code finished} receives each result on its worker thread as soon as
     * it is done (e.g. to record it); the returned list follows the order of {@code reps}.
     */
    public List<ReplicationResult> run(Scenario scenario, RandomStreams streams, int[] reps,
                                       java.util.function.Consumer<ReplicationResult> finished) {
        WorkEstimate estimate = WorkLimits.checkEvents(scenario, maxEvents);
        long budget = WorkLimits.eventBudget(estimate, maxEvents);
        String origin = WorkLimits.budgetOrigin(estimate, budget, maxEvents);
        List<Future<ReplicationResult>> futures = new ArrayList<>();
        EventLogs logs = eventLogs;
        for (int rep : reps) {
            futures.add(pool.submit(() -> {
                ReplicationResult res;
                EventLogs.ReplicationLog log = logs == null ? null : logs.open(scenario, rep);
                try {
                    res = new TreatmentSystem(scenario, streams, rep).trace(log).limitEvents(budget, origin).run();
                    // Complete before the result is recorded, so a recorded replication always has its log.
                    if (log != null) log.finish();
                } catch (InputException e) {
                    throw new InputException("scenario '" + scenario.name() + "', replication " + rep + ": " + e.getMessage());
                } finally {
                    if (log != null) log.abandon();
                }
                finished.accept(res);
                return res;
            }));
        }
        List<ReplicationResult> results = new ArrayList<>(futures.size());
        try {
            for (Future<ReplicationResult> f : futures) results.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
        return results;
    }

    /** Runs replications 0..n-1 of one scenario. */
    public ScenarioResult run(Scenario scenario, int replications) {
        return new ScenarioResult(scenario.name(), run(scenario, 0, replications, r -> { }));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
