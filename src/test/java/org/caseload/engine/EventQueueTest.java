package org.caseload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The queue gives entries back in (time, key) order, through growth, interleaving and sweeps. */
class EventQueueTest {
    private record Entry(double time, long key) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingDouble(Entry::time).thenComparingLong(Entry::key);

    @Test
    void interleavedAddsAndPollsComeOutInTimeThenKeyOrder() {
        SplittableRandom r = new SplittableRandom(5);
        EventQueue<Entry> q = new EventQueue<>(4);
        PriorityQueue<Entry> reference = new PriorityQueue<>(ORDER);
        long key = 0;
        double now = 0;
        for (int step = 0; step < 100_000; step++) {
            if (reference.isEmpty() || r.nextInt(3) > 0) {
                // Ties are common: times on a coarse grid, some exactly now.
                double t = now + Math.floor(r.nextDouble() * 50) / 4;
                Entry e = new Entry(t, key++);
                q.add(t, e.key(), e);
                reference.add(e);
            } else {
                Entry expected = reference.poll();
                assertEquals(expected.time(), q.firstTime());
                assertEquals(expected.key(), q.firstKey());
                assertEquals(expected, q.poll());
                now = expected.time();
            }
            assertEquals(reference.size(), q.size());
        }
    }

    /**
     * Delays from hours to centuries (beyond the buckets ahead, so through the far heap), ties,
     * infinite times, entries with and without a payload (the tag travels with both), and
     * sweeps in the middle, at several bucket widths: the order is always that of one ordered
     * list of all entries.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.125, 1, 64})
    void bucketsAndFarHeapKeepTheOrderOfOneList(double width) {
        SplittableRandom r = new SplittableRandom(11);
        EventQueue<Entry> q = new EventQueue<>(4, width);
        PriorityQueue<Entry> reference = new PriorityQueue<>(ORDER);
        long key = 0;
        double now = 0;
        for (int step = 0; step < 200_000; step++) {
            int what = r.nextInt(100);
            if (reference.isEmpty() || what < 55) {
                double t = switch (r.nextInt(6)) {
                    case 0 -> now;
                    case 1 -> now + r.nextDouble();
                    case 2 -> now + Math.floor(r.nextDouble() * 40);
                    case 3 -> now + r.nextDouble() * 3000;
                    case 4 -> now + r.nextDouble() * 100_000;
                    default -> r.nextInt(50) == 0 ? Double.POSITIVE_INFINITY : now + r.nextDouble() * 20;
                };
                Entry e = new Entry(t, key++);
                // Odd keys have no payload: their tag alone says which entry they are.
                q.add(t, e.key(), e.key() % 2 == 0 ? e : null, ~e.key());
                reference.add(e);
            } else if (what == 55) {
                long drop = r.nextInt(4);
                q.retain((e, tag) -> ~tag % 4 != drop && (e == null || e.key() == ~tag));
                reference.removeIf(e -> e.key() % 4 == drop);
            } else {
                Entry expected = reference.poll();
                assertEquals(expected.time(), q.firstTime());
                assertEquals(expected.key(), q.firstKey());
                assertEquals(expected.key() % 2 == 0 ? expected : null, q.poll());
                assertEquals(~expected.key(), q.polledTag());
                if (expected.time() < Double.POSITIVE_INFINITY) now = expected.time();
            }
            assertEquals(reference.size(), q.size());
        }
        while (!reference.isEmpty()) {
            Entry expected = reference.poll();
            q.poll();
            assertEquals(~expected.key(), q.polledTag());
        }
        assertNull(q.poll());
    }

    /** Asking an empty queue for its first time returns (an undefined value) rather than searching for ever. */
    @Test
    void anEmptyQueueAnswersAtOnce() {
        EventQueue<String> q = new EventQueue<>();
        q.add(10_000, 0, "far");
        assertEquals("far", q.poll());
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            q.firstTime();
            q.firstKey();
        });
        assertNull(q.poll());
    }

    @Test
    void bucketWidthMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new EventQueue<>(4, 3));
        assertThrows(IllegalArgumentException.class, () -> new EventQueue<>(4, 0));
        assertThrows(IllegalArgumentException.class, () -> new EventQueue<>(4, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new EventQueue<>(4, Double.NaN));
    }

    @Test
    void retainDropsRejectedEntriesAndKeepsOrder() {
        SplittableRandom r = new SplittableRandom(9);
        EventQueue<Entry> q = new EventQueue<>();
        List<Entry> kept = new ArrayList<>();
        for (long k = 0; k < 10_000; k++) {
            Entry e = new Entry(r.nextDouble() * 100, k);
            q.add(e.time(), k, e);
            if (k % 3 != 0) kept.add(e);
        }
        q.retain((e, tag) -> e.key() % 3 != 0);
        kept.sort(ORDER);
        for (Entry e : kept) assertEquals(e, q.poll());
        assertNull(q.poll());
        // Slots freed by the sweep are reused.
        q.add(1, 1, new Entry(1, 1));
        assertEquals(1, q.size());
    }

    @Test
    void negativeTimesAndKeyLimits() {
        EventQueue<String> q = new EventQueue<>();
        q.add(2.5, 0, "later");
        q.add(-1.0, 0, "negative");
        q.add(-0.0, 0, "minus zero");
        q.add(0.0, 0, "zero");
        assertEquals("negative", q.poll());
        assertEquals("minus zero", q.poll());
        assertEquals("zero", q.poll());
        assertEquals("later", q.poll());
        assertThrows(IllegalArgumentException.class, () -> q.add(1, EventQueue.MAX_KEY + 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> q.add(1, -1, "x"));
    }
}
