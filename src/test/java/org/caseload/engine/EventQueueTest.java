package org.caseload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

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
