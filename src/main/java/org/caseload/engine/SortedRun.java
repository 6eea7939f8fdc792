package org.caseload.engine;

/**
 * The entries of {@link EventQueue}'s current bucket, sorted once by (time, key) when the
 * bucket comes up and then taken from the front: the part of a day's events that were already
 * scheduled when the day began. Entries are three {@code long}s as in {@link Heap4}.
 *
 * <p>Why sort rather than heap: at national scale a day holds ~1,600 events, and taking each
 * through a 4-ary heap of them cost ~85 ns (a CPU profile: a third of the event list's time). Here one counting pass on the leading bits of the time puts the entries
 * almost in order, and an insertion sort by the full (time, key) finishes the job: a few
 * passes over the day's array in all, then each entry is taken at the cost of a comparison.
 * The result is the exact order; should the times bunch so that the insertion sort would do
 * much more than a pass's work, {@link #load} gives up and the caller heaps the entries.
 */
final class SortedRun {
    private static final int E = Heap4.E;
    /** Below this many entries the counting pass is not worth it. */
    private static final int SMALL = 24;
    /** The counting pass uses at most 2^this buckets. */
    private static final int MAX_RADIX_BITS = 14;

    /** The entries, a[E·first .. E·end), in order; the array is the bucket's own, handed back by {@link #release}. */
    long[] a;
    int first;
    int end;

    private long[] scratch = new long[E * 64];
    private int[] count = new int[64];

    boolean isEmpty() {
        return first == end;
    }

    int size() {
        return end - first;
    }

    long firstTime() {
        return a[E * first];
    }

    long firstKey() {
        return a[E * first + 1];
    }

    long firstTag() {
        return a[E * first + 2];
    }

    void removeFirst() {
        first++;
    }

    /** The array taken over by the last {@link #load}, now that it is used up (null if none). */
    long[] release() {
        long[] r = a;
        a = null;
        first = end = 0;
        return r;
    }

    /**
     * Takes over {@code n} entries of {@code entries} and sorts them; false, with nothing taken
     * over, if their times bunch too much for the quick sort (they are then in another order,
     * still the same entries).
     */
    boolean load(long[] entries, int n) {
        if (n > SMALL && !spread(entries, n)) return false;
        if (!insertionSort(entries, n)) return false;
        a = entries;
        first = 0;
        end = n;
        return true;
    }

    /**
     * One stable counting pass on the leading bits of (time − earliest time): afterwards an
     * entry is out of place only among entries in the same small range of time.
     */
    private boolean spread(long[] e, int n) {
        long min = e[0];
        long max = min;
        for (int i = E; i < E * n; i += E) {
            long t = e[i];
            if (t < min) min = t;
            if (t > max) max = t;
        }
        long span = max - min;
        if (span < 0) return false; // times too far apart to subtract: never within one bucket
        if (span == 0) return true; // all at one time: the insertion sort orders the keys
        int radixBits = Math.min(MAX_RADIX_BITS, 33 - Integer.numberOfLeadingZeros(n)); // about 2n buckets
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(span) - radixBits);
        int buckets = (int) (span >>> shift) + 1;
        if (count.length < buckets + 1) count = new int[Math.max(buckets + 1, 2 * count.length)];
        int[] c = count;
        java.util.Arrays.fill(c, 0, buckets + 1, 0);
        for (int i = 0; i < E * n; i += E) c[(int) ((e[i] - min) >>> shift) + 1]++;
        for (int b = 0; b < buckets; b++) c[b + 1] += c[b];
        if (scratch.length < E * n) scratch = new long[Math.max(E * n, 2 * scratch.length)];
        long[] s = scratch;
        for (int i = 0; i < E * n; i += E) {
            int to = E * c[(int) ((e[i] - min) >>> shift)]++;
            s[to] = e[i];
            s[to + 1] = e[i + 1];
            s[to + 2] = e[i + 2];
        }
        System.arraycopy(s, 0, e, 0, E * n);
        return true;
    }

    /** Insertion sort by (time, key); false if it would move entries far more than a few times n in all. */
    private static boolean insertionSort(long[] e, int n) {
        long budget = 8L * n + 64;
        for (int i = 1; i < n; i++) {
            int q = E * i;
            long t = e[q];
            long k = e[q + 1];
            int j = q - E;
            if (e[j] < t || (e[j] == t && e[j + 1] < k)) continue;
            long tag = e[q + 2];
            while (j >= 0 && (e[j] > t || (e[j] == t && e[j + 1] > k))) {
                e[j + E] = e[j];
                e[j + E + 1] = e[j + 1];
                e[j + E + 2] = e[j + 2];
                j -= E;
                if (--budget < 0) {
                    e[j + E] = t; // put the entry back somewhere: the caller heaps whatever order is left
                    e[j + E + 1] = k;
                    e[j + E + 2] = tag;
                    return false;
                }
            }
            e[j + E] = t;
            e[j + E + 1] = k;
            e[j + E + 2] = tag;
        }
        return true;
    }
}
