package org.caseload.engine;

import java.util.Arrays;

/**
 * A 4-ary min-heap of entries of three {@code long}s, (time bits, key, tag), ordered by time
 * then key as signed longs (the tag rides along): {@link EventQueue}'s heaps (the current
 * day's late additions, and the far future).
 */
final class Heap4 {
    /** Longs per entry. */
    static final int E = 3;

    /** Entry i is h[3i] (time bits), h[3i+1] (key), h[3i+2] (tag). */
    long[] h;
    int size;

    Heap4(int capacity) {
        h = new long[E * Math.max(4, capacity)];
    }

    long firstTime() {
        return h[0];
    }

    long firstKey() {
        return h[1];
    }

    long firstTag() {
        return h[2];
    }

    void add(long t, long k, long tag) {
        if (E * size == h.length) h = Arrays.copyOf(h, 2 * h.length);
        siftUp(size++, t, k, tag);
    }

    /** Removes the first entry (the heap must not be empty). */
    void removeFirst() {
        int last = --size;
        if (last > 0) siftDown(0, h[E * last], h[E * last + 1], h[E * last + 2]);
    }

    /** Appends {@code n} entries of {@code from} without ordering them; {@link #heapify} afterwards. */
    void append(long[] from, int n) {
        if (E * (size + n) > h.length) h = Arrays.copyOf(h, Math.max(2 * h.length, E * (size + n)));
        System.arraycopy(from, 0, h, E * size, E * n);
        size += n;
    }

    /** Restores the heap order over all entries. */
    void heapify() {
        for (int i = (size - 2) >>> 2; size > 1 && i >= 0; i--) siftDown(i, h[E * i], h[E * i + 1], h[E * i + 2]);
    }

    private void siftUp(int i, long t, long k, long tag) {
        long[] a = h;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            int pp = E * parent;
            long pt = a[pp];
            if (pt < t || (pt == t && a[pp + 1] <= k)) break;
            int q = E * i;
            a[q] = pt;
            a[q + 1] = a[pp + 1];
            a[q + 2] = a[pp + 2];
            i = parent;
        }
        put(i, t, k, tag);
    }

    /** Places entry (t, k, tag) from position i down. */
    private void siftDown(int i, long t, long k, long tag) {
        long[] a = h;
        int n = size;
        while (true) {
            int c = 4 * i + 1;
            if (c >= n) break;
            int best = c;
            int bo = E * c;
            long bt = a[bo];
            int end = Math.min(c + 4, n);
            for (int j = c + 1, jo = bo + E; j < end; j++, jo += E) {
                long tj = a[jo];
                if (tj < bt || (tj == bt && a[jo + 1] < a[bo + 1])) {
                    best = j;
                    bo = jo;
                    bt = tj;
                }
            }
            long bk = a[bo + 1];
            if (t < bt || (t == bt && k <= bk)) break;
            int q = E * i;
            a[q] = bt;
            a[q + 1] = bk;
            a[q + 2] = a[bo + 2];
            i = best;
        }
        put(i, t, k, tag);
    }

    private void put(int i, long t, long k, long tag) {
        int q = E * i;
        h[q] = t;
        h[q + 1] = k;
        h[q + 2] = tag;
    }
}
