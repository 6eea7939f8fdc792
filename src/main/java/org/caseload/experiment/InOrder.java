package org.caseload.experiment;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Hands items finished in any order (on any thread) to a consumer in index order, 0, 1, 2, …,
 * holding only those that finished ahead of an earlier one. A producer waits for its turn
 * ({@link #awaitRoom}) before starting item i until fewer than {@code window} items before it
 * are still unconsumed, so at most {@code window} items are ever running or waiting: memory is
 * bounded by the window, not by the number of items. Items already known (e.g. recorded in a
 * journal by an interrupted run) are fetched by {@code known} when their turn comes.
 */
public final class InOrder<T> {
    private final int total;
    private final int window;
    private final IntFunction<T> known;
    private final Consumer<T> consumer;
    private final Map<Integer, T> waiting = new HashMap<>();
    private int next;
    private int mostWaiting;
    private Throwable failure;

    /**
     * @param total    items 0..total-1
     * @param window   the most items started but not yet consumed (at least 1)
     * @param known    item i when it needs no computing, else null
     * @param consumer told every item, in index order, on the thread that completed the run of items
     */
    public InOrder(int total, int window, IntFunction<T> known, Consumer<T> consumer) {
        if (window < 1) throw new IllegalArgumentException("window must be at least 1");
        this.total = total;
        this.window = window;
        this.known = known;
        this.consumer = consumer;
    }

    /** Blocks until item {@code index} may start: fewer than the window's items before it are unconsumed. */
    public synchronized void awaitRoom(int index) throws InterruptedException {
        drain();
        while (failure == null && index >= next + window) wait();
        rethrow();
    }

    /** Item {@code index} is finished: consumed now if its turn has come, otherwise held until it has. */
    public synchronized void offer(int index, T item) {
        if (failure != null) return;
        if (index < next || waiting.containsKey(index)) throw new IllegalStateException("item " + index + " offered twice");
        waiting.put(index, item);
        drain();
        mostWaiting = Math.max(mostWaiting, waiting.size());
    }

    /** Stops the run: every waiting producer and {@link #awaitAll} throw {@code t}. */
    public synchronized void fail(Throwable t) {
        if (failure == null) failure = t;
        waiting.clear();
        notifyAll();
    }

    /** Blocks until every item has been consumed (or the run failed). */
    public synchronized void awaitAll() throws InterruptedException {
        drain();
        while (failure == null && next < total) wait();
        rethrow();
    }

    /** The most finished items ever held back at once, waiting for an earlier one. */
    public synchronized int mostWaiting() {
        return mostWaiting;
    }

    private void drain() {
        try {
            while (failure == null && next < total) {
                T item = waiting.remove(next);
                if (item == null) item = known.apply(next);
                if (item == null) break;
                consumer.accept(item);
                next++;
                notifyAll();
            }
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    private void rethrow() {
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error err) throw err;
        if (failure != null) throw new IllegalStateException(failure);
    }
}
