package org.caseload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.caseload.engine.Engine.Priority;
import org.junit.jupiter.api.Test;

class EngineTest {
    @Test
    void simultaneousEventsRunByPriorityThenFifo() {
        Engine e = new Engine();
        List<String> order = new ArrayList<>();
        e.at(5, Priority.CLIENT, () -> order.add("client-1"));
        e.at(5, Priority.SYSTEM, () -> order.add("system"));
        e.at(5, Priority.CLIENT, () -> order.add("client-2"));
        e.at(2, Priority.CLIENT, () -> order.add("early"));
        e.runUntil(5);
        assertEquals(List.of("early", "system", "client-1", "client-2"), order);
    }

    @Test
    void eventsAfterTheEndDoNotRun() {
        Engine e = new Engine();
        List<Double> times = new ArrayList<>();
        e.at(1, Priority.CLIENT, () -> times.add(e.now()));
        e.at(10.5, Priority.CLIENT, () -> times.add(e.now()));
        e.runUntil(10);
        assertEquals(List.of(1.0), times);
        assertEquals(10.0, e.now());
    }

    @Test
    void separateEnginesDoNotShareTime() {
        Engine a = new Engine();
        Engine b = new Engine();
        a.at(3, Priority.CLIENT, () -> { });
        a.runUntil(3);
        assertEquals(3.0, a.now());
        assertEquals(0.0, b.now());
    }

    @Test
    void aZeroDelayCycleStopsWithTheDayItStalledAt() {
        Engine e = new Engine();
        e.at(123.4, Priority.CLIENT, new Runnable() {
            @Override
            public void run() {
                e.after(0, this);
            }
        });
        SimulationStoppedException x = assertThrows(SimulationStoppedException.class, () -> e.runUntil(1000));
        assertTrue(x.getMessage().startsWith("simulated time stopped advancing at day 123.4"), x.getMessage());
        assertEquals(2, x.exitCode());
        assertTrue(e.eventsExecuted() > Engine.MAX_EVENTS_AT_ONE_INSTANT);
    }

    @Test
    void manyEventsThatAdvanceTimeAreNotAStall() {
        Engine e = new Engine();
        long[] runs = {0};
        e.at(0, Priority.CLIENT, new Runnable() {
            @Override
            public void run() {
                runs[0]++;
                e.after(1e-3, this);
            }
        });
        e.runUntil(1500);
        assertEquals(1_500_000, runs[0], 1);
    }

    @Test
    void theEventBudgetStopsARunawayReplication() {
        Engine e = new Engine();
        e.limitEvents(1000, "test budget");
        e.at(0, Priority.CLIENT, new Runnable() {
            @Override
            public void run() {
                e.after(1, this);
            }
        });
        SimulationStoppedException x = assertThrows(SimulationStoppedException.class, () -> e.runUntil(1e6));
        assertTrue(x.getMessage().contains("after 1,000 events, the budget (test budget)"), x.getMessage());
        assertEquals(1001, e.eventsExecuted());
        assertEquals(1000.0, e.now(), 1.0);
    }

    @Test
    void aCancelledEventDoesNotRunAndOthersKeepTheirOrder() {
        Engine e = new Engine();
        List<String> order = new ArrayList<>();
        e.at(4, Priority.CLIENT, () -> order.add("a"));
        var cancelled = e.at(4, Priority.CLIENT, () -> order.add("cancelled"));
        e.at(4, Priority.CLIENT, () -> order.add("b"));
        e.at(1, Priority.CLIENT, () -> order.add("first"));
        assertTrue(cancelled.cancel());
        assertFalse(cancelled.cancel(), "cancelling twice removes nothing");
        e.runUntil(5);
        assertEquals(List.of("first", "a", "b"), order);
    }

    @Test
    void schedulingInThePastIsAProgrammingError() {
        Engine e = new Engine();
        e.at(3, Priority.CLIENT, () -> assertThrows(IllegalArgumentException.class,
                () -> e.at(2.5, Priority.CLIENT, () -> { })));
        e.runUntil(4);
        assertThrows(IllegalArgumentException.class, () -> e.after(-1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> e.at(Double.NaN, Priority.CLIENT, () -> { }));
    }

    /** A minimal entity: events are recorded by the test's dispatcher. */
    private static final class Person extends Entity {
        final String name;

        Person(Engine e, String name) {
            super(e, RandomStreams.fromSeed(1).sequence(0, 0).next());
            this.name = name;
        }

        void moveOn() {
            cancelPending();
        }
    }

    @Test
    void entityEventsShareTheOrderOfOtherEventsAndAreCancelledByEpoch() {
        Engine e = new Engine();
        List<String> order = new ArrayList<>();
        e.dispatchTo((target, kind) -> order.add(((Person) target).name + kind));
        Person ann = new Person(e, "ann");
        Person bob = new Person(e, "bob");
        e.at(4, ann, 1);
        e.at(4, Priority.CLIENT, () -> order.add("runnable"));
        e.at(4, bob, 2);
        e.at(4, Priority.SYSTEM, () -> order.add("system"));
        e.at(6, ann, 3);
        e.at(2, Priority.CLIENT, () -> {
            ann.moveOn(); // cancels ann's two events
            e.at(5, ann, 7);
        });
        assertThrows(IllegalArgumentException.class, () -> e.at(1, ann, 1 << 8));
        e.runUntil(10);
        assertEquals(List.of("system", "runnable", "bob2", "ann7"), order);
        assertEquals(2, e.eventsCancelled());
        assertEquals(0, ann.pendingEvents());
        assertEquals(8, e.eventsScheduled(), "seven events and the stop");
    }

    @Test
    void sweepingCancelledEntityEventsKeepsTheLiveOnesInOrder() {
        Engine e = new Engine();
        List<Double> times = new ArrayList<>();
        e.dispatchTo((target, kind) -> times.add(e.now()));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Person p = new Person(e, "p" + i);
            people.add(p);
            e.at(1 + (i * 7919 % 20_000) / 100.0, p, 0);
        }
        // Cancelling all but every tenth person's event sweeps the queue (cancelled ones outnumber the live).
        for (int i = 0; i < people.size(); i++) if (i % 10 != 0) people.get(i).moveOn();
        assertTrue(e.pendingEntries() < 20_000, "the sweep ran: " + e.pendingEntries());
        e.runUntil(1000);
        assertEquals(2_000, times.size());
        for (int i = 1; i < times.size(); i++) assertTrue(times.get(i - 1) <= times.get(i));
    }
}
