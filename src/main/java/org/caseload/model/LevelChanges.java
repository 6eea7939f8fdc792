package org.caseload.model;

import org.caseload.engine.EventQueue;

/**
 * Changes of ±1 to time-weighted {@link Level}s whose time is known before it comes: a stay in
 * treatment reaching six months or four years within an episode that is already planned to
 * last that long. They used to be events (a seventh of a Leeds replication's); now they wait
 * here and are applied, in time order, before anything else changes those levels and at the
 * end of the run. The integrals come out exactly as they did with the events, since every level
 * sees the same changes at the same times in the same order.
 */
final class LevelChanges {
    private final EventQueue<Level> pending = new EventQueue<>(256);
    private long seq;

    /** {@code level} will change by {@code delta} (+1 or -1) at time {@code t}. */
    void add(double t, Level level, int delta) {
        pending.add(t, (seq++ << 1) | (delta > 0 ? 1 : 0), level);
    }

    /** Applies every change due at or before {@code t}, earliest first. */
    void applyUntil(double t) {
        while (!pending.isEmpty() && pending.firstTime() <= t) {
            double time = pending.firstTime();
            long key = pending.firstKey();
            pending.poll().add(time, (key & 1) != 0 ? 1 : -1);
        }
    }
}
