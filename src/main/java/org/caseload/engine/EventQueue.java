package org.caseload.engine;

import java.util.Arrays;

/**
 * The pending events of one replication: a 4-ary min-heap kept in primitive arrays, ordered by
 * time, then a second 64-bit key (the engine packs priority and scheduling order into it), so
 * simultaneous events of equal priority come out first-in first-out.
 *
 * <p>Why this shape: at national scale ~10^6 events are pending and the list dominated the run
 * when each comparison followed a pointer to an event object (measured with JFR and the JMH
 * benchmark {@code EventListBenchmark}, which compares it with SSJ's lists). Here a sift reads
 * and writes two arrays of numbers and one of references, and never touches the payloads.
 * Cancelling is the caller's business (a cancelled payload is skipped when it comes out), so
 * nothing needs to know where an entry sits in the heap.
 *
 * @param <T> the payload of an entry
 */
public final class EventQueue<T> {
    private double[] times;
    private long[] keys;
    private Object[] payloads;
    private int size;

    public EventQueue() {
        this(1024);
    }

    public EventQueue(int initialCapacity) {
        int n = Math.max(4, initialCapacity);
        times = new double[n];
        keys = new long[n];
        payloads = new Object[n];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the first entry; undefined when empty. */
    public double firstTime() {
        return times[0];
    }

    /** Second key of the first entry; undefined when empty. */
    public long firstKey() {
        return keys[0];
    }

    public void add(double time, long key, T payload) {
        if (size == times.length) grow();
        int i = size++;
        // Sift up with a hole: parents move down until the new entry's place is found.
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            double pt = times[parent];
            if (pt < time || (pt == time && keys[parent] <= key)) break;
            times[i] = pt;
            keys[i] = keys[parent];
            payloads[i] = payloads[parent];
            i = parent;
        }
        times[i] = time;
        keys[i] = key;
        payloads[i] = payload;
    }

    /** Removes and returns the first entry's payload; {@code null} when empty. */
    @SuppressWarnings("unchecked")
    public T poll() {
        if (size == 0) return null;
        T first = (T) payloads[0];
        int last = --size;
        double t = times[last];
        long k = keys[last];
        Object p = payloads[last];
        payloads[last] = null;
        if (last > 0) siftDown(t, k, p, last);
        return first;
    }

    /** Places (t, k, p) from the root down, in a heap of {@code n} entries. */
    private void siftDown(double t, long k, Object p, int n) {
        int i = 0;
        while (true) {
            int c = 4 * i + 1;
            if (c >= n) break;
            int best = c;
            double bt = times[c];
            long bk = keys[c];
            int end = Math.min(c + 4, n);
            for (int j = c + 1; j < end; j++) {
                double tj = times[j];
                if (tj < bt || (tj == bt && keys[j] < bk)) {
                    best = j;
                    bt = tj;
                    bk = keys[j];
                }
            }
            if (t < bt || (t == bt && k <= bk)) break;
            times[i] = bt;
            keys[i] = bk;
            payloads[i] = payloads[best];
            i = best;
        }
        times[i] = t;
        keys[i] = k;
        payloads[i] = p;
    }

    /**
     * Drops every entry whose payload {@code keep} rejects, then restores the heap order (used
     * to shed cancelled events when they have come to outnumber live ones).
     */
    @SuppressWarnings("unchecked")
    public void retain(java.util.function.Predicate<? super T> keep) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (keep.test((T) payloads[i])) {
                times[n] = times[i];
                keys[n] = keys[i];
                payloads[n] = payloads[i];
                n++;
            }
        }
        Arrays.fill(payloads, n, size, null);
        size = n;
        for (int i = (n - 2) >>> 2; n > 1 && i >= 0; i--) siftDownFrom(i);
    }

    private void siftDownFrom(int start) {
        double t = times[start];
        long k = keys[start];
        Object p = payloads[start];
        int i = start;
        while (true) {
            int c = 4 * i + 1;
            if (c >= size) break;
            int best = c;
            int end = Math.min(c + 4, size);
            for (int j = c + 1; j < end; j++) {
                if (times[j] < times[best] || (times[j] == times[best] && keys[j] < keys[best])) best = j;
            }
            if (t < times[best] || (t == times[best] && k <= keys[best])) break;
            times[i] = times[best];
            keys[i] = keys[best];
            payloads[i] = payloads[best];
            i = best;
        }
        times[i] = t;
        keys[i] = k;
        payloads[i] = p;
    }

    public void clear() {
        Arrays.fill(payloads, 0, size, null);
        size = 0;
    }

    private void grow() {
        int n = times.length * 2;
        times = Arrays.copyOf(times, n);
        keys = Arrays.copyOf(keys, n);
        payloads = Arrays.copyOf(payloads, n);
    }
}
