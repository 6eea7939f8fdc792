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
}
