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

    /**
     * Events allowed at one simulated instant before the run is declared stalled. Real
     * scenarios have at most a few per person at one instant (an initial caseload that all
     * ends at time 0 is the largest case); a zero-delay cycle passes a million within a second.
     */
    public static final long MAX_EVENTS_AT_ONE_INSTANT = 1_000_000;

    private final Simulator sim = new Simulator();
    private long eventsExecuted;
    private long eventBudget = Long.MAX_VALUE;
    private String budgetOrigin = "";
    private double instant = Double.NEGATIVE_INFINITY;
    private long eventsAtInstant;
    /** Run after every event (tests and debugging: e.g. a conservation check); null when unused. */
    private Runnable afterEach;

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

    /**
     * Stops the replication with a {@link SimulationStoppedException} once more than
     * {@code maxEvents} events have run; {@code origin} says where the budget came from.
     */
    public void limitEvents(long maxEvents, String origin) {
        this.eventBudget = maxEvents;
        this.budgetOrigin = origin;
    }

    /** Runs {@code check} after every event from now on (tests and debugging); one check at a time. */
    public void afterEachEvent(Runnable check) {
        this.afterEach = check;
    }

    /** Called before every event: the event budget and the stalled-time guard. */
    private void guard() {
        if (++eventsExecuted > eventBudget) {
            throw new SimulationStoppedException(String.format(java.util.Locale.ROOT,
                    "stopped at simulated day %.1f after %,d events, the budget (%s); the scenario makes far more events "
                            + "than its referrals and caseload suggest (people cycling quickly through pathways, relapse "
                            + "and re-presentation?); if the run is meant to be this long, raise --max-events",
                    sim.time(), eventBudget, budgetOrigin));
        }
        double t = sim.time();
        if (t > instant) {
            instant = t;
            eventsAtInstant = 0;
        } else if (++eventsAtInstant > MAX_EVENTS_AT_ONE_INSTANT) {
            throw new SimulationStoppedException(String.format(java.util.Locale.ROOT,
                    "simulated time stopped advancing at day %.1f (%,d events at that instant): a zero-delay cycle, e.g. "
                            + "pathways that send people to each other with stays of 0 days, or relapse and re-presentation "
                            + "delays of 0 with assessment and stays that can take 0 days", t, MAX_EVENTS_AT_ONE_INSTANT));
        }
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
            engine.guard();
            action.run();
            if (engine.afterEach != null) engine.afterEach.run();
        }
    }
}
