package org.caseload.engine;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;


/**
 * The event-scheduling kernel of one replication: its own SSJ {@link Simulator} (never the
 * static {@code Sim}) on a 4-ary heap event list ({@link HeapEventList}).
 *
 * <p>Simultaneous events run in order of time, then {@link Priority} (lower first), then
 * scheduling order (FIFO): system changes such as budget allocations happen before client
 * events at the same instant, and the stop event after everything else.
 */
public final class Engine {
    /** Documented order of simultaneous events. */
    public enum Priority {
        SYSTEM(0), CLIENT(1), STOP(2);

        final double value;

        Priority(double value) {
            this.value = value;
        }
    }

    private final Simulator sim = new Simulator();
    private long eventsExecuted;

    public Engine() {
        sim.init(new HeapEventList());
    }

    public double now() {
        return sim.time();
    }

    /**
     * Schedules {@code action} at absolute time {@code time}, which must not be before now (an
     * earlier time is a programming error and throws). The returned event is cancelled with
     * {@link Event#cancel()}: it is removed from the list and will not run.
     */
    public Event at(double time, Priority priority, Runnable action) {
        double delay = time - sim.time();
        if (!(delay >= 0)) throw new IllegalArgumentException("event time " + time + " is before now (" + sim.time() + ")");
        Action e = new Action(sim, action, this);
        e.setPriority(priority.value);
        e.schedule(delay);
        return e;
    }

    /** Schedules a client event {@code delay} days from now (see {@link #at}). */
    public Event after(double delay, Runnable action) {
        return at(sim.time() + delay, Priority.CLIENT, action);
    }

    /** Runs events until {@code endTime}; events scheduled later are left unexecuted. */
    public void runUntil(double endTime) {
        at(endTime, Priority.STOP, sim::stop);
        sim.start();
    }

    public long eventsExecuted() {
        return eventsExecuted;
    }

    private static final class Action extends HeapEventList.Slotted {
        private final Runnable action;
        private final Engine engine;

        Action(Simulator sim, Runnable action, Engine engine) {
            super(sim);
            this.action = action;
            this.engine = engine;
        }

        @Override
        public void actions() {
            engine.eventsExecuted++;
            action.run();
        }
    }
}
