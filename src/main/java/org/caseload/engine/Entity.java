package org.caseload.engine;

/**
 * Someone events happen to (in the model, a client): its own MRG32k3a stream and the events
 * pending for it.
 *
 * <p>Why a class of the engine: an event for an entity is an entry in the queue carrying the
 * entity's number ({@link Roster}) and a small number for the kind of event, not an object
 * holding a lambda, so scheduling it allocates nothing, and running it touches the entity
 * (which it needs anyway) rather than two more objects elsewhere in memory. For the same reason the entity is its own
 * random stream.
 *
 * <p>Every event scheduled for an entity belongs to the entity's current stage, and
 * {@link #cancelPending} cancels them all at once: the entity's epoch moves on, and an entry
 * stamped with an earlier epoch is skipped when it comes out of the queue.
 */
public abstract class Entity extends Mrg32k3a {
    private final Engine engine;
    /** Moves on when the pending events are cancelled; each entry remembers the epoch it was scheduled in. */
    int epoch;
    /** Events scheduled in the current epoch that have not run yet. */
    int pending;
    /** Entries of this entity in the queue, cancelled ones not yet out included. */
    int entries;
    /** The number its entries go under ({@link Roster}) while it has any; -1: none. */
    int number = -1;

    /** An entity of {@code engine} whose draws continue from where {@code stream} is now. */
    protected Entity(Engine engine, Mrg32k3a stream) {
        super(stream);
        this.engine = engine;
    }

    /** Cancels every event pending for this entity. */
    protected final void cancelPending() {
        epoch++;
        if (pending > 0) {
            engine.cancelled(pending);
            pending = 0;
        }
    }

    /**
     * Reads this entity's memory ahead of its event ({@link EventQueue#lookAhead}): a
     * subclass whose fields span more cache lines adds a read of a field at its far end.
     */
    protected int readAhead() {
        return epoch;
    }

    /** Events scheduled for this entity that are still to run (none cancelled). */
    public final int pendingEvents() {
        return pending;
    }
}
