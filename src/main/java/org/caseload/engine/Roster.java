package org.caseload.engine;

import java.util.Arrays;

/**
 * The entities that have entries in the event queue, each under a small number while it has
 * any. An entity event's queue entry holds that number instead of a reference to the entity.
 *
 * <p>Why: entities (clients) live for years of simulated time and reach the old generation,
 * and the queue's arrays are old too. Under G1 every reference stored into an old array costs
 * a card-marking barrier and a later scan of the card (at national scale a third of a run's
 * CPU went to that scan). A number is stored without either; the one reference store left is
 * here, when an entity with nothing in the queue gets its number, and the engine keeps the
 * number while the entity's own event runs, so an event that schedules the entity's next one
 * (the usual case) stores no reference at all.
 */
final class Roster {
    /** Numbers fit the bits the engine gives them in a queue entry's tag. */
    static final int MAX_ENTITIES = 1 << 24;

    private Entity[] byNumber = new Entity[1024];
    private int[] free = new int[1024];
    private int freeTop;
    private int used;

    /** Notes one more queue entry of {@code e}, giving it a number if it had none; returns the number. */
    int addEntry(Entity e) {
        if (e.number < 0) {
            if (freeTop > 0) {
                e.number = free[--freeTop];
            } else {
                if (used == MAX_ENTITIES) throw new IllegalStateException("more than " + MAX_ENTITIES + " entities with pending events");
                if (used == byNumber.length) byNumber = Arrays.copyOf(byNumber, 2 * used);
                e.number = used++;
            }
            byNumber[e.number] = e;
        }
        e.entries++;
        return e.number;
    }

    Entity get(int number) {
        return byNumber[number];
    }

    /**
     * One queue entry of {@code e} has gone; with none left its number is freed, unless
     * {@code keep} (the entity's own event is running and is likely to schedule the next).
     */
    void removeEntry(Entity e, boolean keep) {
        if (--e.entries == 0 && !keep) release(e);
    }

    /** Frees the number of {@code e} if it has no queue entries left. */
    void releaseIfIdle(Entity e) {
        if (e.entries == 0 && e.number >= 0) release(e);
    }

    private void release(Entity e) {
        byNumber[e.number] = null;
        if (freeTop == free.length) free = Arrays.copyOf(free, 2 * freeTop);
        free[freeTop++] = e.number;
        e.number = -1;
    }
}
