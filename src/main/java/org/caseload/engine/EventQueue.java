package org.caseload.engine;

import java.util.Arrays;

/**
 * The pending events of one replication, in order of time, then a second key (the engine packs
 * priority and scheduling order into it), so simultaneous events of equal priority come out
 * first-in first-out.
 *
 * <p>Why this shape: at national scale ~10^6 events are pending, and a single heap of them
 * dominated a run through cache misses on every sift (measured with JFR, async-profiler and the
 * JMH benchmark {@code EventListBenchmark}, which compares this list with SSJ's). Most pending
 * events are months or years away, and only the next few are ever compared. So time is cut
 * into buckets one {@code width} wide (a day by default): the events of the next
 * {@value #BUCKETS} buckets are appended, unordered, to their bucket's array; anything later
 * waits in a heap and moves into its bucket as the buckets come near. When the current
 * bucket is used up, the next non-empty one is sorted ({@link SortedRun}) and taken from the
 * front; events scheduled into the current bucket after that wait in a small 4-ary heap
 * ({@link Heap4}), and the first entry is the earlier of the two fronts. Adding is an append,
 * taking the first a comparison (and a sift through a heap of the day's late additions), and
 * the order is exactly that of one heap over all entries (time, then key), whatever the width.
 *
 * <p>An entry is three {@code long}s: the time (as bits that sort like the double), the key
 * with a payload's slot number in its low bits, and a tag for the caller (the engine keeps an
 * entity event's owner number, epoch and kind there). Ordering never touches a payload, and
 * most entries have none (the engine's entity events): only entries with a payload take a slot
 * in the pool, looked up once when the entry comes out. So taking the first entry reads
 * nothing outside the day's sorted run and small heap, where a pool and a side array of tags
 * indexed by slot meant two cache misses an event at national scale. Cancelling is the
 * caller's business (a cancelled entry is skipped when it comes out), so nothing needs to
 * know where an entry sits.
 *
 * @param <T> the payload of an entry
 */
public final class EventQueue<T> {
    /** Bits of an entry's second word that hold the payload's slot; the caller's key sits above. */
    private static final int SLOT_BITS = 24;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    /** Keys must fit the bits above the slot. */
    public static final long MAX_KEY = (1L << (63 - SLOT_BITS)) - 1;
    /** The slot of an entry without a payload: it has none in the pool. */
    private static final int NO_SLOT = (int) SLOT_MASK;
    private static final int E = Heap4.E;
    /** Buckets ahead of the current one (a power of two): 11 years of days. */
    static final int BUCKETS = 4096;
    private static final int RING_MASK = BUCKETS - 1;
    /** Bucket numbers past this (times beyond ~10^15 widths, infinity) are not bucketed: the queue turns into one heap. */
    private static final long LAST_BUCKET = 1L << 50;

    private final double width;
    private final double perWidth;
    /**
     * Entries before {@link #windowEnd} added after the current bucket came up; the bucket's own
     * too when they were too bunched to sort quickly; and every entry once the queue is flat.
     */
    private final Heap4 near;
    /** The current bucket's entries that were there when it came up, sorted. */
    private final SortedRun run = new SortedRun();
    /** Entries of buckets {@link #BUCKETS} or more ahead of the current one. */
    private final Heap4 far = new Heap4(64);
    /** Bucket b's entries (unordered triples) are ring[b & RING_MASK][0, ringLength[...]), for b in (current, current + BUCKETS). */
    private final long[][] ring = new long[BUCKETS][];
    private final int[] ringLength = new int[BUCKETS];
    /**
     * Bucket arrays not in use, by size class (room for 2^class entries): a bucket fills as its day nears
     * and empties all at once, so arrays pass from bucket to bucket instead of every bucket
     * keeping the largest array it ever needed (at national scale that was 170 MB).
     */
    private final long[][][] spare = new long[32][][];
    private final int[] spareCount = new int[32];
    /** Size class of a new bucket's array: 32 entries. */
    private static final int FIRST_CLASS = 5;
    private int ringEntries;
    private long current;
    private double windowEnd;
    /** Told of each payload-less entry of a bucket as the bucket becomes current; null when unused. */
    private Ahead ahead;
    /** Set once a time too large to bucket is the earliest left: from then on everything is in {@link #near}. */
    private boolean flat;

    private int size;
    /** Payloads of the entries that have one (most of the engine's have none), by slot. */
    private Object[] pool;
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
        this(initialCapacity, 1.0);
    }

    /**
     * @param width the span of time of one bucket, a power of two (so that bucket boundaries are
     *     exact); it changes speed only, never the order
     */
    public EventQueue(int initialCapacity, double width) {
        if (!(width >= Double.MIN_NORMAL) || Double.isInfinite(width) || Math.scalb(1.0, Math.getExponent(width)) != width) {
            throw new IllegalArgumentException("bucket width must be a positive power of two: " + width);
        }
        int n = Math.min(Math.max(4, initialCapacity), NO_SLOT);
        this.width = width;
        this.perWidth = 1 / width;
        this.windowEnd = width;
        near = new Heap4(Math.min(n, 1024));
        pool = new Object[n];
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
        if (near.size == 0 && run.isEmpty()) advance();
        return toTime(fromRun() ? run.firstTime() : near.firstTime());
    }

    /** Key of the first entry; undefined when empty. */
    public long firstKey() {
        if (near.size == 0 && run.isEmpty()) advance();
        return (fromRun() ? run.firstKey() : near.firstKey()) >>> SLOT_BITS;
    }

    /** Adds {@code payload} at {@code time} (not NaN) with {@code key} (0 to {@link #MAX_KEY}) and tag 0. */
    public void add(double time, long key, T payload) {
        add(time, key, payload, 0);
    }

    /** Adds {@code payload} at {@code time} (not NaN) with {@code key} (0 to {@link #MAX_KEY}) and {@code tag}. */
    public void add(double time, long key, T payload, long tag) {
        if (key < 0 || key > MAX_KEY) throw new IllegalArgumentException("event key out of range: " + key);
        int slot = NO_SLOT;
        if (payload != null) {
            if (freeTop == 0 && poolUsed == pool.length) grow();
            slot = freeTop > 0 ? free[--freeTop] : poolUsed++;
            pool[slot] = payload;
        }
        size++;
        long t = sortable(time);
        long k = (key << SLOT_BITS) | slot;
        if (flat || time < windowEnd) {
            near.add(t, k, tag);
        } else {
            place(time, t, k, tag);
        }
    }

    /** Puts an entry at or after {@link #windowEnd} into its bucket, or the far heap. */
    private void place(double time, long t, long k, long tag) {
        long bucketsAhead = (long) (time * perWidth) - current;
        if (bucketsAhead >= BUCKETS) {
            far.add(t, k, tag);
            return;
        }
        int b = (int) ((current + bucketsAhead) & RING_MASK);
        long[] a = ring[b];
        int len = ringLength[b];
        if (a == null) {
            a = ring[b] = take(FIRST_CLASS);
        } else if (len == a.length) {
            long[] bigger = take(sizeClass(len) + 1);
            System.arraycopy(a, 0, bigger, 0, len);
            give(a);
            a = ring[b] = bigger;
        }
        a[len] = t;
        a[len + 1] = k;
        a[len + 2] = tag;
        ringLength[b] = len + E;
        ringEntries++;
    }

    /** With the current bucket used up, makes the next non-empty one current (nothing to do when the queue is empty). */
    private void advance() {
        if (size == 0) return;
        if (run.a != null) give(run.release());
        while (near.size == 0) {
            if (ringEntries == 0) {
                long first = (long) (toTime(far.firstTime()) * perWidth);
                if (first > LAST_BUCKET) {
                    near.append(far.h, far.size);
                    near.heapify();
                    far.size = 0;
                    flat = true;
                    return;
                }
                current = first - 1;
                bringForward();
                continue;
            }
            long b = current + 1;
            while (ringLength[(int) (b & RING_MASK)] == 0) b++;
            current = b;
            windowEnd = (b + 1) * width;
            int i = (int) (b & RING_MASK);
            if (ahead != null) comingUp(ring[i], ringLength[i]);
            int n = ringLength[i] / E;
            ringEntries -= n;
            ringLength[i] = 0;
            if (!run.load(ring[i], n)) { // times too bunched to sort quickly: heaped instead
                near.append(ring[i], n);
                near.heapify();
                give(ring[i]);
            }
            ring[i] = null;
            bringForward();
            if (!run.isEmpty()) return;
        }
    }

    /** Whether the first entry is the sorted run's (rather than the heap's); at least one of them has entries. */
    private boolean fromRun() {
        if (run.isEmpty()) return false;
        if (near.size == 0) return true;
        long rt = run.firstTime();
        long nt = near.firstTime();
        return rt < nt || (rt == nt && run.firstKey() < near.firstKey());
    }

    /** What a caller does with the payload-less entries of a day as the day comes up. */
    @FunctionalInterface
    public interface Ahead {
        void comingUp(long tag);
    }

    /**
     * Hands {@link Ahead#comingUp} the tag of each payload-less entry of a bucket when it
     * becomes current, all together, before the first of them comes out: the engine reads
     * a field of each entity then, so that the cache misses of a day's entities overlap in
     * one pass instead of stalling event after event.
     */
    public void lookAhead(Ahead a) {
        this.ahead = a;
    }

    private void comingUp(long[] a, int length) {
        for (int j = 0; j < length; j += E) {
            if ((int) (a[j + 1] & SLOT_MASK) == NO_SLOT) ahead.comingUp(a[j + 2]);
        }
    }

    /** A bucket array of 2^sizeClass entries, a spare one if there is one. */
    private long[] take(int sizeClass) {
        int n = spareCount[sizeClass];
        if (n == 0) return new long[E << sizeClass];
        long[] a = spare[sizeClass][--n];
        spare[sizeClass][n] = null;
        spareCount[sizeClass] = n;
        return a;
    }

    /** Keeps a bucket array no longer in use for the next bucket that needs one of its size. */
    private void give(long[] a) {
        int c = sizeClass(a.length);
        long[][] stack = spare[c];
        int n = spareCount[c];
        if (stack == null) {
            stack = spare[c] = new long[16][];
        } else if (n == stack.length) {
            stack = spare[c] = Arrays.copyOf(stack, 2 * n);
        }
        stack[n] = a;
        spareCount[c] = n + 1;
    }

    /** The size class of a bucket array of {@code length} longs. */
    private static int sizeClass(int length) {
        return Integer.numberOfTrailingZeros(length / E);
    }

    /** Moves far entries whose bucket is now within reach into it. */
    private void bringForward() {
        while (far.size > 0) {
            long t = far.firstTime();
            double time = toTime(t);
            if ((long) (time * perWidth) - current >= BUCKETS) return;
            long k = far.firstKey();
            long tag = far.firstTag();
            far.removeFirst();
            place(time, t, k, tag);
        }
    }

    /** Removes and returns the first entry's payload ({@link #polledTag} gives its tag); {@code null} when empty. */
    @SuppressWarnings("unchecked")
    public T poll() {
        if (size == 0) return null;
        if (near.size == 0 && run.isEmpty()) advance();
        int slot;
        if (fromRun()) {
            slot = (int) (run.firstKey() & SLOT_MASK);
            polledTag = run.firstTag();
            run.removeFirst();
        } else {
            slot = (int) (near.firstKey() & SLOT_MASK);
            polledTag = near.firstTag();
            near.removeFirst();
        }
        size--;
        if (slot == NO_SLOT) return null;
        T first = (T) pool[slot];
        pool[slot] = null;
        free[freeTop++] = slot;
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

    /**
     * Drops every entry whose payload {@code keep} rejects, then restores the order (used to shed
     * cancelled events when they have come to outnumber live ones).
     */
    public void retain(Keep<? super T> keep) {
        near.size = retain(near.h, E * near.size, keep) / E;
        near.heapify();
        if (!run.isEmpty()) { // kept in order: the survivors move to the front
            System.arraycopy(run.a, E * run.first, run.a, 0, E * run.size());
            run.end = retain(run.a, E * run.size(), keep) / E;
            run.first = 0;
        }
        far.size = retain(far.h, E * far.size, keep) / E;
        far.heapify();
        ringEntries = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (ringLength[b] == 0) continue;
            ringLength[b] = retain(ring[b], ringLength[b], keep);
            ringEntries += ringLength[b] / E;
        }
        size = near.size + run.size() + far.size + ringEntries;
    }

    /** Keeps the entries of a[0, length) that {@code keep} accepts, in front; returns their length. */
    @SuppressWarnings("unchecked")
    private int retain(long[] a, int length, Keep<? super T> keep) {
        int n = 0;
        for (int i = 0; i < length; i += E) {
            int slot = (int) (a[i + 1] & SLOT_MASK);
            if (keep.keep(slot == NO_SLOT ? null : (T) pool[slot], a[i + 2])) {
                a[n] = a[i];
                a[n + 1] = a[i + 1];
                a[n + 2] = a[i + 2];
                n += E;
            } else if (slot != NO_SLOT) {
                pool[slot] = null;
                free[freeTop++] = slot;
            }
        }
        return n;
    }

    /** Doubles the payload slots, up to {@code NO_SLOT} of them (0 to NO_SLOT - 1: the value NO_SLOT itself means none). */
    private void grow() {
        if (pool.length >= NO_SLOT) throw new IllegalStateException("more than " + NO_SLOT + " pending events with a payload");
        int n = (int) Math.min(2L * pool.length, NO_SLOT);
        pool = Arrays.copyOf(pool, n);
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
