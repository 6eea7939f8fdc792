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
 * substream r of the same streams (common random numbers; {@link #streamsFor} can give each
 * scenario its own instead), and results are gathered by
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

    /**
     * The most worker threads: far beyond any one machine's cores, and small enough that the
     * window of results held back ({@link #window}) and the thread pool stay within bounds.
     */
    public static final int MAX_THREADS = 4096;

    /** @param maxEvents the most events one replication may take (see {@link WorkLimits}) */
    public Experiment(long seed, int threads, long maxEvents) {
        this(RandomStreams.fromSeed(seed), threads, maxEvents);
    }

    public Experiment(RandomStreams streams, int threads, long maxEvents) {
        if (threads < 1 || threads > MAX_THREADS) throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS);
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
        WorkLimits.EventBudget budget = WorkLimits.budget(scenario, maxEvents);
        List<Future<ReplicationResult>> futures = new ArrayList<>();
        EventLogs logs = eventLogs;
        for (int rep : reps) {
            futures.add(pool.submit(() -> {
                ReplicationResult res = replicate(scenario, streams, rep, budget, logs);
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

    /** One replication, with its event log if one is asked for (complete before the result counts). */
    private static ReplicationResult replicate(Scenario scenario, RandomStreams streams, int rep,
                                               WorkLimits.EventBudget budget, EventLogs logs) {
        EventLogs.ReplicationLog log = logs == null ? null : logs.open(scenario, rep);
        try {
            ReplicationResult res = new TreatmentSystem(scenario, streams, rep).trace(log).limitEvents(budget.events(), budget.origin()).run();
            // Complete before the result is recorded, so a recorded replication always has its log.
            if (log != null) log.finish();
            return res;
        } catch (InputException e) {
            throw new InputException("scenario '" + scenario.name() + "', replication " + rep + ": " + e.getMessage());
        } finally {
            if (log != null) log.abandon();
        }
    }

    /** A replication of scenario {@code scenario} (its index in the batch). */
    public interface Sink {
        void accept(int scenario, ReplicationResult result);
    }

    /** Replications that need no computing, e.g. those a journal holds. */
    public interface Known {
        /** Nothing is known: every replication is computed. */
        Known NONE = new Known() {
            @Override
            public boolean has(int scenario, int replication) {
                return false;
            }

            @Override
            public ReplicationResult get(int scenario, int replication) {
                return null;
            }
        };

        boolean has(int scenario, int replication);

        ReplicationResult get(int scenario, int replication);
    }

    /**
     * Runs replications [first, end) of every scenario, replication by replication (replication r
     * of every scenario, then r + 1), and hands every result to {@code inOrder} in that order,
     * those {@code known} holds included. At most {@link #window} replications are running or
     * waiting for an earlier one at any time, so memory does not grow with the replications.
     *
     * @param fresh   told each computed result on its worker thread as soon as it is done (e.g. to journal it)
     * @param inOrder told every result in order, one thread at a time
     * @return the most results ever held back waiting for an earlier one
     */
    public int runInOrder(List<Scenario> scenarios, List<RandomStreams> streams, int first, int end, Known known, Sink fresh,
                          Sink inOrder) {
        int n = scenarios.size();
        WorkLimits.EventBudget[] budgets = new WorkLimits.EventBudget[n];
        for (int s = 0; s < n; s++) budgets[s] = WorkLimits.budget(scenarios.get(s), maxEvents);
        record Item(int scenario, ReplicationResult result) {
        }
        int total = Math.max(0, end - first) * n;
        // Known before the run starts: a result computed now is handed over by its worker, never read back.
        java.util.BitSet before = new java.util.BitSet(total);
        for (int i = 0; i < total; i++) if (known.has(i % n, first + i / n)) before.set(i);
        InOrder<Item> queue = new InOrder<>(total, window(n),
                i -> before.get(i) ? new Item(i % n, known.get(i % n, first + i / n)) : null,
                item -> inOrder.accept(item.scenario(), item.result()));
        EventLogs logs = eventLogs;
        List<Future<?>> futures = new ArrayList<>();
        boolean complete = false;
        try {
            for (int i = 0; i < total; i++) {
                int s = i % n;
                int rep = first + i / n;
                if (before.get(i)) continue;
                queue.awaitRoom(i);
                int item = i;
                // Only the tasks not yet done are kept (for cancelling on failure): at most about a window of them.
                if (futures.size() >= window(n)) futures.removeIf(Future::isDone);
                futures.add(pool.submit(() -> {
                    try {
                        ReplicationResult res = replicate(scenarios.get(s), streams.get(s), rep, budgets[s], logs);
                        fresh.accept(s, res);
                        queue.offer(item, new Item(s, res));
                    } catch (Throwable t) {
                        queue.fail(t);
                    }
                }));
            }
            queue.awaitAll();
            complete = true;
            return queue.mostWaiting();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (!complete) futures.forEach(f -> f.cancel(true));
        }
    }

    /** The most replications {@link #runInOrder} lets run or wait at once: a few per thread, and a whole row of scenarios. */
    public int window(int scenarios) {
        return 4 * threads + scenarios;
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
