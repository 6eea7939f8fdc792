package org.caseload.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Results finished in any order reach the summaries in replication order, and what is held back
 * meanwhile is bounded by the window, not by the number of replications: the property that makes
 * a batch's memory independent of its size.
 */
class InOrderTest {
    private static final int ITEMS = 20_000;
    private static final int WINDOW = 6;

    /** Starts every item the window allows, then finishes them in the worst order: the earliest last. */
    @Test
    void heldBackStaysWithinTheWindowWhenTheEarliestAlwaysFinishesLast() throws InterruptedException {
        List<Integer> consumed = new ArrayList<>();
        InOrder<Integer> q = new InOrder<>(ITEMS, WINDOW, i -> null, consumed::add);
        for (int next = 0; next < ITEMS; next += WINDOW) {
            int end = Math.min(ITEMS, next + WINDOW);
            for (int i = next; i < end; i++) q.awaitRoom(i); // room for each: returns at once
            for (int i = end - 1; i > next; i--) {
                q.offer(i, i);
                assertEquals(next, consumed.size(), "nothing is consumed before item " + next);
            }
            q.offer(next, next);
            assertEquals(end, consumed.size(), "item " + next + " releases the ones held behind it");
        }
        assertInOrder(consumed);
        assertEquals(WINDOW - 1, q.mostWaiting(), "held back at most the window less the one awaited");
    }

    /** Real threads finishing in a shuffled order: consumed in order, never more than the window held. */
    @Test
    void manyThreadsFinishingInAnyOrderAreConsumedInOrder() throws Exception {
        List<Integer> consumed = new ArrayList<>();
        InOrder<Integer> q = new InOrder<>(ITEMS, WINDOW, i -> i % 7 == 3 ? i : null, consumed::add);
        List<Thread> workers = new ArrayList<>();
        java.util.concurrent.LinkedBlockingQueue<Integer> work = new java.util.concurrent.LinkedBlockingQueue<>();
        for (int t = 0; t < 4; t++) {
            Random random = new Random(t);
            Thread w = new Thread(() -> {
                try {
                    while (true) {
                        int i = work.take();
                        if (i < 0) return;
                        for (int k = random.nextInt(200); k > 0; k--) Thread.onSpinWait();
                        q.offer(i, i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            w.start();
            workers.add(w);
        }
        for (int i = 0; i < ITEMS; i++) {
            if (i % 7 == 3) continue; // known beforehand: fetched, never computed
            q.awaitRoom(i);
            work.put(i);
        }
        q.awaitAll();
        for (int t = 0; t < workers.size(); t++) work.put(-1);
        for (Thread w : workers) w.join();
        assertInOrder(consumed);
        assertTrue(q.mostWaiting() < WINDOW, "held back " + q.mostWaiting() + " results with a window of " + WINDOW);
    }

    @Test
    void aFailureStopsTheWaitingProducer() {
        InOrder<Integer> q = new InOrder<>(10, 2, i -> null, x -> { });
        q.fail(new IllegalStateException("replication 0 failed"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.awaitRoom(5));
        assertEquals("replication 0 failed", e.getMessage());
        assertThrows(IllegalStateException.class, q::awaitAll);
    }

    private static void assertInOrder(List<Integer> consumed) {
        assertEquals(ITEMS, consumed.size());
        for (int i = 0; i < ITEMS; i++) assertEquals(i, consumed.get(i), "item " + i);
    }
}
