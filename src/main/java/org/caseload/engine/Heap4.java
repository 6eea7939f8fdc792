package org.caseload.engine;

import java.util.Arrays;

/**
 * A 4-ary min-heap of entries of two {@code long}s, (time bits, key), compared as signed longs,
 * time first: the ordered part of {@link EventQueue}. The four children of a node are one
 * 64-byte run of memory.
 */
final class Heap4 {
    /** Entry i is h[2i] (time bits) and h[2i+1] (key). */
    long[] h;
    int size;

    Heap4(int capacity) {
        h = new long[2 * Math.max(4, capacity)];
    }

    long firstTime() {
        return h[0];
    }

    long firstKey() {
        return h[1];
    }

    void add(long t, long k) {
        if (2 * size == h.length) h = Arrays.copyOf(h, 2 * h.length);
        siftUp(size++, t, k);
    }

    /** Removes the first entry (the heap must not be empty). */
    void removeFirst() {
        int last = --size;
        if (last > 0) siftDown(0, h[2 * last], h[2 * last + 1]);
    }

    /** Appends {@code n} entries of {@code from} (pairs) without ordering them; {@link #heapify} afterwards. */
    void append(long[] from, int n) {
        if (2 * (size + n) > h.length) h = Arrays.copyOf(h, Math.max(2 * h.length, 2 * (size + n)));
        System.arraycopy(from, 0, h, 2 * size, 2 * n);
        size += n;
    }

    /** Restores the heap order over all entries. */
    void heapify() {
        for (int i = (size - 2) >>> 2; size > 1 && i >= 0; i--) siftDown(i, h[2 * i], h[2 * i + 1]);
    }

    private void siftUp(int i, long t, long k) {
        long[] a = h;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = a[2 * parent];
            if (pt < t || (pt == t && a[2 * parent + 1] <= k)) break;
            a[2 * i] = pt;
            a[2 * i + 1] = a[2 * parent + 1];
            i = parent;
        }
        a[2 * i] = t;
        a[2 * i + 1] = k;
    }

    /** Places entry (t, k) from position i down. */
    private void siftDown(int i, long t, long k) {
        long[] a = h;
        int n = size;
        while (true) {
            int c = 4 * i + 1;
            if (c >= n) break;
            int best = c;
            long bt = a[2 * c];
            int end = Math.min(c + 4, n);
            for (int j = c + 1; j < end; j++) {
                long tj = a[2 * j];
                if (tj < bt || (tj == bt && a[2 * j + 1] < a[2 * best + 1])) {
                    best = j;
                    bt = tj;
                }
            }
            long bk = a[2 * best + 1];
            if (t < bt || (t == bt && k <= bk)) break;
            a[2 * i] = bt;
            a[2 * i + 1] = bk;
            i = best;
        }
        a[2 * i] = t;
        a[2 * i + 1] = k;
    }
}
