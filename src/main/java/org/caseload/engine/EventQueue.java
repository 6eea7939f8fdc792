package org.caseload.engine;

import java.util.Arrays;

/**
 * The pending events of one replication: a 4-ary min-heap ordered by time, then a second key
 * (the engine packs priority and scheduling order into it), so simultaneous events of equal
 * priority come out first-in first-out.
 *
 * <p>Why this shape: at national scale ~10^6 events are pending and the list dominates a run
 * through cache misses (measured with JFR and the JMH benchmark {@code EventListBenchmark},
 * which compares it with SSJ's lists). Each entry is two adjacent {@code long}s: the time
 * (as bits that sort like the double) and the key with the payload's slot number in its low
 * bits. The four children of a node are one 64-byte run of memory, and a sift never touches
 * a payload: payloads sit in a pool, looked up once when their entry comes out. Cancelling is
 * the caller's business (a cancelled payload is skipped when it comes out), so nothing needs
 * to know where an entry sits in the heap. Each entry also carries a {@code long} tag beside
 * its payload, for the caller (the engine keeps an entity event's owner number, epoch and kind there,
 * with a null payload).
 *
 * @param <T> the payload of an entry
 */
public final class EventQueue<T> {
    /** Bits of an entry's second word that hold the payload's slot; the caller's key sits above. */
    private static final int SLOT_BITS = 24;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    /** Keys must fit the bits above the slot. */
    public static final long MAX_KEY = (1L << (63 - SLOT_BITS)) - 1;

    /** Entry i is heap[2i] (time bits) and heap[2i+1] (key << SLOT_BITS | slot). */
    private long[] heap;
    private int size;
    private Object[] pool;
    /** The tag of each pool slot's entry. */
    private long[] tags;
    /** The tag of the entry {@link #poll} returned last. */
    private long polledTag;
    /** Free pool slots, as a stack. */
    private int[] free;
    private int freeTop;
    private int poolUsed;

    public EventQueue() {
        this(1024);
    }

    public EventQueue(int initialCapacity) {
        int n = Math.max(4, initialCapacity);
        heap = new long[2 * n];
        pool = new Object[n];
        tags = new long[n];
        free = new int[n];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the first entry; undefined when empty. */
    public double firstTime() {
        return toTime(heap[0]);
    }

    /** Key of the first entry; undefined when empty. */
    public long firstKey() {
        return heap[1] >>> SLOT_BITS;
    }

    /** Adds {@code payload} at {@code time} (not NaN) with {@code key} (0 to {@link #MAX_KEY}) and tag 0. */
    public void add(double time, long key, T payload) {
        add(time, key, payload, 0);
    }

    /** Adds {@code payload} at {@code time} (not NaN) with {@code key} (0 to {@link #MAX_KEY}) and {@code tag}. */
    public void add(double time, long key, T payload, long tag) {
        if (key < 0 || key > MAX_KEY) throw new IllegalArgumentException("event key out of range: " + key);
        if (size == pool.length) grow();
        int slot = freeTop > 0 ? free[--freeTop] : poolUsed++;
        pool[slot] = payload;
        tags[slot] = tag;
        siftUp(size++, sortable(time), (key << SLOT_BITS) | slot);
    }

    /** Removes and returns the first entry's payload ({@link #polledTag} gives its tag); {@code null} when empty. */
    @SuppressWarnings("unchecked")
    public T poll() {
        if (size == 0) return null;
        int slot = (int) (heap[1] & SLOT_MASK);
        T first = (T) pool[slot];
        polledTag = tags[slot];
        pool[slot] = null;
        free[freeTop++] = slot;
        int last = --size;
        if (last > 0) siftDown(0, heap[2 * last], heap[2 * last + 1]);
        return first;
    }

    /** The tag of the entry the last {@link #poll} returned. */
    public long polledTag() {
        return polledTag;
    }

    /** Decides which entries {@link #retain} keeps. */
    @FunctionalInterface
    public interface Keep<T> {
        boolean keep(T payload, long tag);
    }

    private void siftUp(int i, long t, long k) {
        long[] h = heap;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = h[2 * parent];
            if (pt < t || (pt == t && h[2 * parent + 1] <= k)) break;
            h[2 * i] = pt;
            h[2 * i + 1] = h[2 * parent + 1];
            i = parent;
        }
        h[2 * i] = t;
        h[2 * i + 1] = k;
    }

    /** Places entry (t, k) from position i down. */
    private void siftDown(int i, long t, long k) {
        long[] h = heap;
        int n = size;
        while (true) {
            int c = 4 * i + 1;
            if (c >= n) break;
            int best = c;
            long bt = h[2 * c];
            int end = Math.min(c + 4, n);
            for (int j = c + 1; j < end; j++) {
                long tj = h[2 * j];
                if (tj < bt || (tj == bt && h[2 * j + 1] < h[2 * best + 1])) {
                    best = j;
                    bt = tj;
                }
            }
            long bk = h[2 * best + 1];
            if (t < bt || (t == bt && k <= bk)) break;
            h[2 * i] = bt;
            h[2 * i + 1] = bk;
            i = best;
        }
        h[2 * i] = t;
        h[2 * i + 1] = k;
    }

    /**
     * Drops every entry whose payload {@code keep} rejects, then restores the heap order (used
     * to shed cancelled events when they have come to outnumber live ones).
     */
    @SuppressWarnings("unchecked")
    public void retain(Keep<? super T> keep) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            int slot = (int) (heap[2 * i + 1] & SLOT_MASK);
            if (keep.keep((T) pool[slot], tags[slot])) {
                heap[2 * n] = heap[2 * i];
                heap[2 * n + 1] = heap[2 * i + 1];
                n++;
            } else {
                pool[slot] = null;
                free[freeTop++] = slot;
            }
        }
        size = n;
        for (int i = (n - 2) >>> 2; n > 1 && i >= 0; i--) siftDown(i, heap[2 * i], heap[2 * i + 1]);
    }

    public void clear() {
        Arrays.fill(pool, null);
        size = 0;
        freeTop = 0;
        poolUsed = 0;
    }

    private void grow() {
        int n = pool.length * 2;
        if (n - 1 > SLOT_MASK) throw new IllegalStateException("more than " + SLOT_MASK + " pending events");
        heap = Arrays.copyOf(heap, 2 * n);
        pool = Arrays.copyOf(pool, n);
        tags = Arrays.copyOf(tags, n);
        free = Arrays.copyOf(free, n);
    }

    /** Double bits reordered so that signed long comparison agrees with the doubles' order. */
    private static long sortable(double t) {
        long b = Double.doubleToRawLongBits(t);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }

    private static double toTime(long s) {
        return Double.longBitsToDouble(s ^ ((s >> 63) & Long.MAX_VALUE));
    }
}
