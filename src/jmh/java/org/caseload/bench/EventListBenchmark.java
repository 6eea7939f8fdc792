package org.caseload.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.caseload.engine.EventQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.DoublyLinked;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The hold model: with {@code pending} events in the list, take the first and put it back a
 * random delay later, as a simulation does. Delays are exponential with a mean of 200 days, as
 * the model's mix of assessments (days), episodes (months to years) and deaths (decades) roughly
 * gives. Sizes: ~10^4 pending is a Leeds replication, ~10^6 national scale. The engine's
 * {@link EventQueue} against SSJ's own lists (events as SSJ {@link Event}s).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class EventListBenchmark {
    @Param({"10000", "1000000"})
    int pending;

    /** BinaryTree is left out: unbalanced, it degenerates into a list with a sorted fill (and equal delays). */
    @Param({"caseload", "SplayTree", "Henriksen", "RedblackTree", "DoublyLinked"})
    String list;

    private static final int DELAYS = 1 << 16;
    private final double[] delays = new double[DELAYS];
    private int next;

    private EventQueue<Object> queue;
    private long seq;
    private EventList ssj;

    /** An SSJ event that never runs: only its time matters here. */
    static final class Held extends Event {
        Held(Simulator sim) {
            super(sim);
        }

        @Override
        public void actions() {
        }

        /** Sets the time directly: SSJ's setTime refuses an event that has been in a list. */
        void time(double t) {
            eventTime = t;
        }
    }

    @Setup(Level.Trial)
    public void fill() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < DELAYS; i++) delays[i] = -200 * Math.log(1 - r.nextDouble());
        // Initial times in increasing order, so that filling even the linked list is linear.
        double[] times = new double[pending];
        for (int i = 0; i < pending; i++) times[i] = 400 * r.nextDouble();
        Arrays.sort(times);
        if (list.equals("caseload")) {
            queue = new EventQueue<>();
            Object payload = new Object();
            for (double t : times) queue.add(t, seq++, payload);
            return;
        }
        ssj = switch (list) {
            case "SplayTree" -> new SplayTree();
            case "Henriksen" -> new Henriksen();
            case "RedblackTree" -> new RedblackTree();
            case "DoublyLinked" -> new DoublyLinked();
            default -> throw new IllegalArgumentException(list);
        };
        Simulator sim = new Simulator();
        for (double t : times) {
            Held e = new Held(sim);
            e.time(t);
            ssj.add(e);
        }
    }

    /** One hold: remove the first event and schedule it again. */
    @Benchmark
    public Object hold() {
        double delay = delays[next++ & (DELAYS - 1)];
        if (queue != null) {
            double t = queue.firstTime();
            Object p = queue.poll();
            queue.add(t + delay, seq++, p);
            return p;
        }
        Held e = (Held) ssj.removeFirst();
        e.time(e.time() + delay);
        ssj.add(e);
        return e;
    }
}
