package org.caseload.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What must be tidied away if the process is stopped (Ctrl-C, SIGTERM) before a command has
 * finished: an output folder's temporary folder, a lock's working folder, and the folders made
 * to hold them. The JVM runs its shutdown hooks all at once, in no order, so a hook removing a
 * folder it created could find another's files still in it and keep it: a stopped run of several
 * scenarios into a new R sometimes left an empty R. {@link #ON_EXIT} runs its actions from one
 * hook, one at a time, the last added first, so whatever was set up inside a folder is gone
 * before the folder's own action removes it.
 */
public final class Cleanups {
    /** The actions run when the process is stopped. */
    public static final Cleanups ON_EXIT = new Cleanups(true);

    /** Actions not yet run or removed, the last added first. */
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final boolean onExit;
    private boolean hooked;
    private boolean running;

    /** @param onExit whether to run on the JVM's shutdown (false: only when {@link #runAll} is called, for tests) */
    Cleanups(boolean onExit) {
        this.onExit = onExit;
    }

    /**
     * Adds an action, to run once when the process is stopped unless {@link #remove}d first; it
     * must tolerate running while the command's own threads still work. Like adding a shutdown
     * hook, refused ({@link IllegalStateException}) once the process is stopping.
     */
    public synchronized void add(Runnable action) {
        if (running) throw new IllegalStateException("shutting down");
        if (onExit && !hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::runAll, "caseload-cleanup"));
            hooked = true;
        }
        pending.push(action);
    }

    /** Removes an action added before (nothing if it has run or is running). */
    public synchronized void remove(Runnable action) {
        pending.removeFirstOccurrence(action);
    }

    /** Runs every pending action, the last added first; one that fails does not stop the rest. */
    void runAll() {
        List<Runnable> order;
        synchronized (this) {
            running = true;
            order = new ArrayList<>(pending);
            pending.clear();
        }
        for (Runnable action : order) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                // best effort: what remains is removed as stale by the next command into the folder
            }
        }
    }
}
