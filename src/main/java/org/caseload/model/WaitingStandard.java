package org.caseload.model;

import java.util.function.DoubleConsumer;

/**
 * The national waiting standard: treatment should start within {@value #DAYS} days of
 * referral. A referral counts as having waited over the standard, at the moment the
 * {@value #DAYS} days run out, if its journey had neither started treatment nor ended by then.
 *
 * <p>Why no event per referral: that check used to be an event {@value #DAYS} days after each
 * referral, cancelled when treatment started; about a quarter of a Leeds replication's events
 * were these. Every referral has the same delay, so deadlines fall in referral order: they
 * are kept in a first-in first-out ring, and each is settled once its time has passed (at the
 * next referral, or at the end of the run) from the time the journey closed. Same counts, same
 * months, no entries in the event list.
 */
final class WaitingStandard {
    static final double DAYS = 21;

    private final DoubleConsumer waitedOver;
    private final ClientPool pool;
    private Client[] clients = new Client[256];
    private int[] journeys = new int[256];
    private double[] deadlines = new double[256];
    private int head;
    private int size;

    /** @param waitedOver called with the deadline of each referral that waited over the standard */
    WaitingStandard(DoubleConsumer waitedOver, ClientPool pool) {
        this.waitedOver = waitedOver;
        this.pool = pool;
    }

    /** A referral now begins {@code c}'s journey; deadlines already passed are settled first. */
    void referred(Client c, double now) {
        settle(now);
        c.beginJourney(now);
        if (size == clients.length) grow();
        int i = (head + size++) & (clients.length - 1);
        clients[i] = c;
        ClientPool.hold(c);
        journeys[i] = c.journey();
        // As an event scheduled 21 days on would have fired (its time kept as now + delay).
        double t = now + DAYS;
        deadlines[i] = now + (t - now);
    }

    /** Settles every deadline at or before {@code now}. */
    void settle(double now) {
        int mask = clients.length - 1;
        while (size > 0 && deadlines[head] <= now) {
            Client c = clients[head];
            // A later journey of the same person began after this deadline had been settled, or
            // after the journey it belongs to closed, which was then before its deadline.
            if (c.journey() == journeys[head] && c.journeyClosedAt() >= deadlines[head]) waitedOver.accept(deadlines[head]);
            clients[head] = null;
            pool.release(c);
            head = (head + 1) & mask;
            size--;
        }
    }

    /** End of the run: every deadline still pending is settled (the counter keeps those inside the window). */
    void finish() {
        settle(Double.POSITIVE_INFINITY);
    }

    private void grow() {
        int n = clients.length;
        Client[] c = new Client[2 * n];
        int[] j = new int[2 * n];
        double[] d = new double[2 * n];
        for (int k = 0; k < size; k++) {
            int i = (head + k) & (n - 1);
            c[k] = clients[i];
            j[k] = journeys[i];
            d[k] = deadlines[i];
        }
        clients = c;
        journeys = j;
        deadlines = d;
        head = 0;
    }
}
