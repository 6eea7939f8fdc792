package org.caseload.engine;

import java.util.Locale;

/**
 * The event-scheduling kernel of one replication: simulated time and the pending events in an
 * {@link EventQueue} (day-wide buckets of primitive arrays, the current day sorted).
 * It replaced SSJ's {@code Simulator} for speed (see the README's performance section);
 * nothing in it is static, so replications on different threads share nothing.
 *
 * <p>Simultaneous events run in order of time, then {@link Priority} (lower first), then
 * scheduling order (FIFO): system changes such as budget allocations happen before client
 * events at the same instant, and the stop event after everything else.
 *
 * <p>Two kinds of event share the queue. An {@link Entity}'s event (a client's: most of a
 * run) is an entry with no payload whose tag holds the entity's number ({@link Roster}), its
 * epoch and a small number for the kind of event, handed to the {@link Dispatcher} when it
 * comes due; scheduling it allocates nothing and stores no reference. Any other event is an {@link Event}
 * holding a {@code Runnable} (budget changes, period starts, the stop).
 *
 * <p>A cancelled event stays in the queue and is skipped when its time comes: an
 * {@link Event} is marked, an entity's events are stamped with its epoch, which
 * {@link Entity#cancelPending} moves on. That makes cancelling O(1) and spares the heap from
 * tracking where each event sits. When cancelled events come to outnumber live ones they are
 * swept out in one pass.
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

    /**
     * An entity event is a queue entry with no payload and a tag of three fields: the entity's
     * number in the {@link Roster} (top 24 bits), its epoch when scheduled (32 bits), the kind
     * (low 8 bits).
     */
    private static final int KIND_BITS = 8;
    private static final long KIND_MASK = (1L << KIND_BITS) - 1;
    private static final int NUMBER_SHIFT = 40;

    /** Payloads: {@link Event}s, and null for an entity's event (its tag says whose). */
    private final EventQueue<Event> queue = new EventQueue<>();
    private final Roster roster = new Roster();
    /**
     * Sink of the look-ahead reads ({@link EventQueue#lookAhead}): the entities of a day's
     * events are read when the day comes up, so their cache misses overlap; the value itself
     * means nothing.
     */
    private int warmed;
    private Dispatcher dispatcher;
    private double now;
    private long nextSeq;
    private long cancelledPending;
    private boolean stopped;
    private long eventsExecuted;
    private long eventsScheduled;
    private long eventsCancelled;
    private long eventBudget = Long.MAX_VALUE;
    private String budgetOrigin = "";
    private double instant = Double.NEGATIVE_INFINITY;
    private long eventsAtInstant;
    /** Run after every event (tests and debugging: e.g. a conservation check); null when unused. */
    private Runnable afterEach;

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
            engine.cancelled(1);
            return true;
        }
    }

    /** Runs an entity's event of kind {@code kind} (the numbers are the model's own). */
    @FunctionalInterface
    public interface Dispatcher {
        void dispatch(Entity target, int kind);
    }

    /** Where entities' events go when they come due; set once, before the run. */
    public void dispatchTo(Dispatcher d) {
        this.dispatcher = d;
        queue.lookAhead(tag -> warmed += roster.get((int) (tag >>> NUMBER_SHIFT)).readAhead());
    }

    public double now() {
        return now;
    }

    /**
     * Schedules {@code action} at absolute time {@code time}, which must not be before now (an
     * earlier time is a programming error and throws). The returned event can be cancelled.
     */
    public Event at(double time, Priority priority, Runnable action) {
        checkTime(time);
        Event e = new Event(action, this);
        schedule(time, priority, e, 0);
        return e;
    }

    /**
     * Schedules an event of kind {@code kind} (0 to 255) for {@code target} at absolute time
     * {@code time}, with {@link Priority#CLIENT} priority; it belongs to the target's current
     * epoch and is cancelled by {@link Entity#cancelPending}.
     */
    public void at(double time, Entity target, int kind) {
        if (kind < 0 || kind > KIND_MASK) throw new IllegalArgumentException("event kind out of range: " + kind);
        checkTime(time);
        long number = roster.addEntry(target);
        schedule(time, Priority.CLIENT, null, number << NUMBER_SHIFT | (target.epoch & 0xFFFF_FFFFL) << KIND_BITS | kind);
        target.pending++;
    }

    /** Schedules an event of kind {@code kind} for {@code target} {@code delay} days from now (see {@link #at(double, Entity, int)}). */
    public void after(double delay, Entity target, int kind) {
        at(now + delay, target, kind);
    }

    private void checkTime(double time) {
        if (!(time >= now)) throw new IllegalArgumentException("event time " + time + " is before now (" + now + ")");
    }

    /** Queues an event whose time the caller has checked ({@link #checkTime}) before changing anything. */
    private void schedule(double time, Priority priority, Event payload, long tag) {
        if (nextSeq >>> SEQ_BITS != 0) throw new IllegalStateException("more than 2^" + SEQ_BITS + " events scheduled");
        eventsScheduled++;
        // Stored as now + delay, as SSJ's kernel did: (now + (time - now)) can differ from time in
        // the last bit, and keeping it keeps every output byte-identical with the earlier kernel.
        queue.add(now + (time - now), ((long) priority.ordinal() << SEQ_BITS) | nextSeq++, payload, tag);
    }

    /**
     * The time an event scheduled {@code delay} days from now will carry (now + delay, as the
     * queue stores it, which may differ from the sum in the last bit): for comparing two delays
     * exactly as the queue will order them.
     */
    public double timeAfter(double delay) {
        return now + ((now + delay) - now);
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
            if (e == null) {
                long tag = queue.polledTag();
                Entity target = roster.get((int) (tag >>> NUMBER_SHIFT));
                boolean live = (int) (tag >>> KIND_BITS) == target.epoch;
                roster.removeEntry(target, live);
                if (!live) {
                    cancelledPending--;
                    continue;
                }
                target.pending--;
                now = t;
                guard();
                dispatcher.dispatch(target, (int) (tag & KIND_MASK));
                roster.releaseIfIdle(target);
            } else {
                if (e.state == Event.CANCELLED) {
                    cancelledPending--;
                    continue;
                }
                e.state = Event.DONE;
                now = t;
                guard();
                e.action.run();
            }
            if (afterEach != null) afterEach.run();
        }
    }

    public long eventsExecuted() {
        return eventsExecuted;
    }

    /** Events scheduled so far, the run's stop event included. */
    public long eventsScheduled() {
        return eventsScheduled;
    }

    /** Events cancelled before their time (stale entries the queue carried until they surfaced or were swept). */
    public long eventsCancelled() {
        return eventsCancelled;
    }

    /** Events waiting in the queue, cancelled ones not yet swept out included. */
    public int pendingEntries() {
        return queue.size();
    }

    /**
     * Stops the replication with a {@link SimulationStoppedException} when event
     * {@code maxEvents} + 1 is about to run (at most {@code maxEvents} run); {@code origin} says
     * where the budget came from.
     */
    public void limitEvents(long maxEvents, String origin) {
        this.eventBudget = maxEvents;
        this.budgetOrigin = origin;
    }

    /** Runs {@code check} after every event from now on (tests and debugging); one check at a time. */
    public void afterEachEvent(Runnable check) {
        this.afterEach = check;
    }

    /** {@code n} pending events have just been cancelled. */
    void cancelled(int n) {
        eventsCancelled += n;
        cancelledPending += n;
        if (cancelledPending > SWEEP_MIN && 2 * cancelledPending > queue.size()) {
            queue.retain(this::keep);
            cancelledPending = 0;
        }
    }

    /** Whether the sweep keeps an entry: a pending {@link Event}, or an entity event of the entity's current epoch. */
    private boolean keep(Event e, long tag) {
        if (e != null) return e.state == Event.PENDING;
        Entity target = roster.get((int) (tag >>> NUMBER_SHIFT));
        if ((int) (tag >>> KIND_BITS) == target.epoch) return true;
        roster.removeEntry(target, false);
        return false;
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
