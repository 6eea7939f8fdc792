package org.caseload.model;

import java.util.ArrayDeque;

/**
 * A first-come, first-served line of clients (for assessment, or for one pathway's places).
 * Someone who leaves the line (gave up or died) keeps their entry, which is skipped when it
 * comes to the front; someone who comes back joins at the end. Each entry's turn is its
 * joining order, and a client remembers the turn of their latest entry
 * ({@link Client#lineTurn}), so an older entry of someone waiting again is told apart from
 * their current one without searching the line.
 */
final class WaitingLine {
    private final ArrayDeque<Client> entries = new ArrayDeque<>();
    /*
     * Turns count joins and takes; should they pass 2^31 they wrap, both alike, and equality
     * still tells a client's latest entry (an older one 2^32 joins back cannot be in the line).
     */
    private int joined;
    private int taken;

    /** {@code c} joins at the end; the line holds the object until its entry is taken ({@link ClientPool}). */
    void join(Client c) {
        c.lineTurn = joined++;
        entries.addLast(c);
        ClientPool.hold(c);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Takes the entry at the front; the caller releases the client to the pool. */
    Client take() {
        taken++;
        return entries.pollFirst();
    }

    /** The entries from the front, left ones included (read only; for tests and checks). */
    Iterable<Client> entries() {
        return java.util.Collections.unmodifiableCollection(entries);
    }

    /** Whether the entry just taken is {@code c}'s latest (false for one they left, then joined again behind). */
    boolean wasLatest(Client c) {
        return c.lineTurn == taken - 1;
    }
}
