package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The actions for a stopped process run one at a time, the last added first, each once. */
class CleanupsTest {
    @Test
    void theLastAddedRunsFirstAndARemovedOneNever() {
        Cleanups c = new Cleanups(false);
        List<String> ran = new ArrayList<>();
        Runnable folder = () -> ran.add("folder");
        Runnable lock = () -> ran.add("lock");
        Runnable gone = () -> ran.add("gone");
        c.add(folder);
        c.add(gone);
        c.add(lock);
        c.remove(gone);
        c.runAll();
        assertEquals(List.of("lock", "folder"), ran);
        c.runAll();
        assertEquals(List.of("lock", "folder"), ran, "each action runs once");
    }

    @Test
    void aFailingActionDoesNotStopTheRest() {
        Cleanups c = new Cleanups(false);
        List<String> ran = new ArrayList<>();
        c.add(() -> ran.add("first"));
        c.add(() -> {
            throw new IllegalStateException("cannot delete");
        });
        c.add(() -> ran.add("last"));
        c.runAll();
        assertEquals(List.of("last", "first"), ran);
    }

    @Test
    void nothingIsAddedOnceTheyRun() {
        Cleanups c = new Cleanups(false);
        c.runAll();
        assertThrows(IllegalStateException.class, () -> c.add(() -> { }));
    }
}
