package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.caseload.engine.Engine;
import org.caseload.engine.Mrg32k3a;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.junit.jupiter.api.Test;

/** A reused client starts exactly as a new one, and only once nothing holds it. */
class ClientPoolTest {
    private static Mrg32k3a stream(long n) {
        return RandomStreams.fromSeed(5).sequence(n, 0).next();
    }

    /** Every field a person has, whatever is added to the class later (the pool's own two excluded). */
    private static List<Field> personFields() {
        List<Field> fields = new ArrayList<>();
        for (Field f : Client.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("holds") || f.getName().equals("finished")) continue;
            f.setAccessible(true);
            fields.add(f);
        }
        return fields;
    }

    @Test
    void aReusedClientIsExactlyANewOne() throws Exception {
        Engine engine = new Engine();
        ClientPool pool = new ClientPool(engine);
        Client used = pool.take(stream(1), Group.OPIATE, Complexity.values()[1], Readiness.UNLIKELY, 3);
        List<Field> fields = personFields();
        assertTrue(fields.size() > 30, "fields found: " + fields.size());
        // A life lived: every field away from where a new client starts.
        for (Field f : fields) {
            Class<?> t = f.getType();
            if (t == int.class) f.setInt(used, 77);
            else if (t == double.class) f.setDouble(used, 12.5);
            else if (t == boolean.class) f.setBoolean(used, !f.getBoolean(used));
            else if (t == byte.class) f.setByte(used, (byte) 1);
            else throw new AssertionError("a field of a new type: " + f + "; teach this test and Client.begin about it");
        }
        for (int i = 0; i < 5; i++) used.u();
        used.enter(Stage.DEAD);
        pool.finished(used);

        Client reused = pool.take(stream(2), Group.ALCOHOL, Complexity.values()[0], Readiness.LIKELY, 1);
        assertSame(used, reused);
        Client fresh = new Client(engine, stream(2), Group.ALCOHOL, Complexity.values()[0], Readiness.LIKELY, 1);
        for (Field f : fields) assertEquals(f.get(fresh), f.get(reused), f.getName());
        for (int i = 0; i < 10; i++) assertEquals(fresh.u(), reused.u(), "draw " + i);
    }

    @Test
    void aHeldOrBusyClientIsNotReused() {
        Engine engine = new Engine();
        ClientPool pool = new ClientPool(engine);
        Client c = pool.take(stream(1), Group.OPIATE, Complexity.values()[0], Readiness.LIKELY, 0);
        ClientPool.hold(c); // e.g. still in a queue's deque
        ClientPool.hold(c); // and a waiting-standard deadline
        pool.finished(c);
        assertNotSame(c, pool.take(stream(2), Group.OPIATE, Complexity.values()[0], Readiness.LIKELY, 0));
        pool.release(c);
        assertNotSame(c, pool.take(stream(3), Group.OPIATE, Complexity.values()[0], Readiness.LIKELY, 0));
        pool.release(c);
        assertSame(c, pool.take(stream(4), Group.OPIATE, Complexity.values()[0], Readiness.LIKELY, 0));

        engine.after(5, c, ClientEvent.EPISODE_END.ordinal());
        assertThrows(IllegalStateException.class, () -> pool.finished(c), "events still pending");
    }
}
