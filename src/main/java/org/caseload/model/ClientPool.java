package org.caseload.model;

import org.caseload.engine.Engine;
import org.caseload.engine.Mrg32k3a;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;

/**
 * Where clients come from: a new object, or one whose person has left the system for good
 * (died, moved away, or left and will not be back) and which nothing holds any more.
 *
 * <p>Why: a national run creates ~2.3 million people, of whom a few hundred thousand are in
 * the system at any time. Each lives long enough to survive a young collection, so the
 * collector copied almost every one of them into the old generation (about a second of
 * pauses per run), where they later died. Reused, they stay where they are.
 *
 * <p>Which object a person gets changes nothing they do: a reused object starts exactly as a
 * new one ({@link Client#reuse}), and it is reused only when no queue place or waiting-standard
 * deadline holds it ({@link Client#holds}) and none of its events is pending. Entries of the
 * old person still in the event list were cancelled and stay so: the engine's epoch for the
 * object carries on.
 */
final class ClientPool {
    private final Engine engine;
    private Client[] free = new Client[256];
    private int size;

    ClientPool(Engine engine) {
        this.engine = engine;
    }

    /** A client whose draws continue from where {@code stream} is now (see {@link Client}'s constructor). */
    Client take(Mrg32k3a stream, Group group, Complexity complexity, Readiness readiness, int previousEpisodes) {
        if (size == 0) return new Client(engine, stream, group, complexity, readiness, previousEpisodes);
        Client c = free[--size];
        free[size] = null;
        c.reuse(stream, group, complexity, readiness, previousEpisodes);
        return c;
    }

    /** {@code c}'s person has left the system for good, with nothing pending: the object can go to someone new. */
    void finished(Client c) {
        if (c.pendingEvents() != 0) throw new IllegalStateException("a client finished with events pending");
        c.finished = true;
        if (c.holds == 0) give(c);
    }

    /** A queue or the waiting standard now holds {@code c}. */
    static void hold(Client c) {
        c.holds++;
    }

    /** A queue or the waiting standard no longer holds {@code c}. */
    void release(Client c) {
        if (--c.holds == 0 && c.finished) give(c);
    }

    private void give(Client c) {
        if (size == free.length) free = java.util.Arrays.copyOf(free, 2 * size);
        free[size++] = c;
    }
}
