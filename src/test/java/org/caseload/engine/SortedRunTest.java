package org.caseload.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A bucket's entries sorted by the counting pass and the insertion sort come out in exactly
 * (time, key) order, however their times fall; when the times bunch too much the sort gives
 * up with the entries intact, and the queue heaps them instead, in the same order.
 */
class SortedRunTest {
    private static final int E = Heap4.E;

    @Test
    void sortsEveryShapeOfDayIntoTimeThenKeyOrder() {
        SplittableRandom r = new SplittableRandom(7);
        SortedRun run = new SortedRun();
        int sorted = 0;
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + r.nextInt(trial % 10 == 0 ? 5000 : 300);
            int shape = trial % 5;
            long[] a = new long[E * n];
            for (int i = 0; i < n; i++) {
                double t = switch (shape) {
                    case 0 -> 100 + r.nextDouble(); // spread over the day
                    case 1 -> 100 + Math.floor(r.nextDouble() * 4) / 4; // a few instants
                    case 2 -> 100 + r.nextDouble() * 1e-9; // bunched within a nanosecond of a day
                    case 3 -> r.nextDouble(); // day 0: many binades
                    default -> 100.5; // all at once
                };
                a[E * i] = Double.doubleToRawLongBits(t);
                a[E * i + 1] = shape == 4 && trial % 2 == 0 ? n - i : r.nextLong(1L << 39); // keys reversed or random
                a[E * i + 2] = i;
            }
            long[][] expected = entries(a, n);
            Arrays.sort(expected, Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
            long[] copy = a.clone();
            if (run.load(copy, n)) {
                sorted++;
                for (long[] e : expected) {
                    assertEquals(e[0], run.firstTime());
                    assertEquals(e[1], run.firstKey());
                    assertEquals(e[2], run.firstTag());
                    run.removeFirst();
                }
                assertTrue(run.isEmpty());
                run.release();
            } else {
                refused++;
                long[][] left = entries(copy, n);
                Arrays.sort(left, Comparator.<long[]>comparingLong(e -> e[2]));
                long[][] given = entries(a, n);
                for (int i = 0; i < n; i++) assertArrayEquals(given[i], left[i], "an entry lost or changed");
            }
        }
        assertTrue(sorted > 2000, "sorted: " + sorted);
        assertTrue(refused > 0, "the fallback was never taken");
    }

    /** Entries at one time with keys in reverse order defeat the quick sort: the queue heaps them and keeps the order. */
    @Test
    void aBunchedBucketComesOutInOrderThroughTheHeap() {
        EventQueue<String> q = new EventQueue<>();
        int n = 2000;
        for (int i = 0; i < n; i++) q.add(5.0, n - i, null, n - i);
        q.add(5.5, 0, "later");
        assertFalse(new SortedRun().load(reversed(n), n));
        for (int k = 1; k <= n; k++) {
            assertEquals(5.0, q.firstTime());
            assertEquals(k, q.firstKey());
            q.poll();
            assertEquals(k, q.polledTag());
        }
        assertEquals("later", q.poll());
        assertTrue(q.isEmpty());
    }

    private static long[] reversed(int n) {
        long[] a = new long[E * n];
        for (int i = 0; i < n; i++) {
            a[E * i] = Double.doubleToRawLongBits(5.0);
            a[E * i + 1] = n - i;
        }
        return a;
    }

    private static long[][] entries(long[] a, int n) {
        long[][] e = new long[n][];
        for (int i = 0; i < n; i++) e[i] = Arrays.copyOfRange(a, E * i, E * i + E);
        return e;
    }
}
