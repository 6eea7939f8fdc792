package org.caseload.engine;

import java.util.Locale;

/**
 * The event-scheduling kernel of one replication: simulated time and the pending events in an
 * {@link EventQueue} (a primitive-array 4-ary heap). It replaced SSJ's {@code Simulator} for
 * speed (see the README's performance section); nothing in it is static, so replications on
 * different threads share nothing.
 *
 * <p>Simultaneous events run in order of time, then {@link Priority} (lower first), then
 * scheduling order (FIFO): system changes such as budget allocations happen before client
 * events at the same instant, and the stop event after everything else.
 *
 * <p>A cancelled event stays in the queue, marked, and is skipped when its time comes: that
 * makes cancelling O(1) and spares the heap from tracking where each event sits. When
 * cancelled events come to outnumber live ones they are swept out in one pass.
 */
public final class Engine {
    /** Documented order of simultaneous events. */
    public enum Priority {
        SYSTEM, CLIENT, STOP
    }

    /**
     * Events allowed at one simulated instant before the run is declared stalled. Real
     * scenarios have at most a few per person at one instant (an initial caseload that all
     * ends at time 0 is the largest case); a zero-delay cycle passes a million within a second.
     */
    public static final long MAX_EVENTS_AT_ONE_INSTANT = 1_000_000;

    /** Bits of the queue's key that hold the scheduling order (2^37: far beyond any event budget); the priority sits above. */
    private static final int SEQ_BITS = 37;
    /** Cancelled events tolerated before a sweep is considered at all. */
    private static final int SWEEP_MIN = 4096;

    private final EventQueue<Event> queue = new EventQueue<>();
    private double now;
    private long nextSeq;
    private long cancelledPending;
    private boolean stopped;
    private long eventsExecuted;
    private long eventBudget = Long.MAX_VALUE;
    private String budgetOrigin = "";
    private double instant = Double.NEGATIVE_INFINITY;
    private long eventsAtInstant;

    /** A scheduled action; {@link #cancel} keeps it from running. */
    public static final class Event {
        private static final byte PENDING = 0;
        private static final byte DONE = 1;
        private static final byte CANCELLED = 2;

        private final Runnable action;
        private final Engine engine;
        private byte state = PENDING;

        private Event(Runnable action, Engine engine) {
            this.action = action;
            this.engine = engine;
        }

        /** Keeps a pending event from running; false (and nothing done) if it has run or was cancelled. */
        public boolean cancel() {
            if (state != PENDING) return false;
            state = CANCELLED;
            engine.cancelled();
            return true;
        }
    }

    public double now() {
        return now;
    }

    /**
     * Schedules {@code action} at absolute time {@code time}, which must not be before now (an
     * earlier time is a programming error and throws). The returned event can be cancelled.
     */
    public Event at(double time, Priority priority, Runnable action) {
        if (!(time >= now)) throw new IllegalArgumentException("event time " + time + " is before now (" + now + ")");
        if (nextSeq >>> SEQ_BITS != 0) throw new IllegalStateException("more than 2^" + SEQ_BITS + " events scheduled");
        Event e = new Event(action, this);
        // Stored as now + delay, as SSJ's kernel did: (now + (time - now)) can differ from time in
        // the last bit, and keeping it keeps every output byte-identical with the earlier kernel.
        queue.add(now + (time - now), ((long) priority.ordinal() << SEQ_BITS) | nextSeq++, e);
        return e;
    }

    /** Schedules a client event {@code delay} days from now (see {@link #at}). */
    public Event after(double delay, Runnable action) {
        return at(now + delay, Priority.CLIENT, action);
    }

    /** Runs events until {@code endTime}; events scheduled later are left unexecuted. */
    public void runUntil(double endTime) {
        stopped = false;
        at(endTime, Priority.STOP, () -> stopped = true);
        while (!stopped && !queue.isEmpty()) {
            double t = queue.firstTime();
            Event e = queue.poll();
            if (e.state == Event.CANCELLED) {
                cancelledPending--;
                continue;
            }
            e.state = Event.DONE;
            now = t;
            guard();
            e.action.run();
        }
    }

    public long eventsExecuted() {
        return eventsExecuted;
    }

    /** Events waiting in the queue, cancelled ones not yet swept out included. */
    public int pendingEntries() {
        return queue.size();
    }

    /**
     * Stops the replication with a {@link SimulationStoppedException} once more than
     * {@code maxEvents} events have run; {@code origin} says where the budget came from.
     */
    public void limitEvents(long maxEvents, String origin) {
        this.eventBudget = maxEvents;
        this.budgetOrigin = origin;
    }

    private void cancelled() {
        cancelledPending++;
        if (cancelledPending > SWEEP_MIN && 2 * cancelledPending > queue.size()) {
            queue.retain(e -> e.state == Event.PENDING);
            cancelledPending = 0;
        }
    }

    /** Called before every event: the event budget and the stalled-time guard. */
    private void guard() {
        if (++eventsExecuted > eventBudget) {
            throw new SimulationStoppedException(String.format(Locale.ROOT,
                    "stopped at simulated day %.1f after %,d events, the budget (%s); the scenario makes far more events "
                            + "than its referrals and caseload suggest (people cycling quickly through pathways, relapse "
                            + "and re-presentation?); if the run is meant to be this long, raise --max-events",
                    now, eventBudget, budgetOrigin));
        }
        if (now > instant) {
            instant = now;
            eventsAtInstant = 0;
        } else if (++eventsAtInstant > MAX_EVENTS_AT_ONE_INSTANT) {
            throw new SimulationStoppedException(String.format(Locale.ROOT,
                    "simulated time stopped advancing at day %.1f (%,d events at that instant): a zero-delay cycle, e.g. "
                            + "pathways that send people to each other with stays of 0 days, or relapse and re-presentation "
                            + "delays of 0 with assessment and stays that can take 0 days", now, MAX_EVENTS_AT_ONE_INSTANT));
        }
    }
}
