package org.caseload.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * A heap event list for SSJ, ordered by time, then priority, then insertion order,
 * so that simultaneous events of equal priority run first-in first-out like every SSJ list.
 *
 * <p>Why: this model's delays range from hours to years; with thousands of pending events
 * spread that widely SSJ's Henriksen list spent most of a Leeds replication searching its
 * index (measured with JFR). Only what the kernel uses is fast: {@code add},
 * {@code removeFirst}, {@code getFirst}, and {@code remove} of a {@link Slotted} event
 * (cancellation). Positional inserts are not supported. The
 * insertion order is kept here, not in the event, so the event's {@code ra} field is unused.
 */
public final class HeapEventList implements EventList {
    /**
     * A 4-ary heap with the ordering keys copied into primitive arrays beside the events, so
     * that sifting compares numbers in contiguous memory instead of following a pointer to
     * each event (at national scale, with ~10^6 pending events, that pointer chase dominated).
     */
    private Event[] heap = new Event[1024];
    private double[] times = new double[1024];
    private double[] priorities = new double[1024];
    private long[] seqs = new long[1024];
    private int size;
    private long nextSeq;
    private long firstSeq;

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
        nextSeq = 0;
        firstSeq = 0;
    }

    @Override
    public void add(Event ev) {
        push(ev, nextSeq++);
    }

    @Override
    public void addFirst(Event ev) {
        push(ev, --firstSeq);
    }

    @Override
    public void addBefore(Event ev, Event other) {
        throw new UnsupportedOperationException("positional insertion is not supported by HeapEventList");
    }

    @Override
    public void addAfter(Event ev, Event other) {
        throw new UnsupportedOperationException("positional insertion is not supported by HeapEventList");
    }

    @Override
    public Event getFirst() {
        return size == 0 ? null : heap[0];
    }

    @Override
    public Event getFirstOfClass(String cl) {
        for (Event e : sorted()) if (e.getClass().getName().equals(cl)) return e;
        return null;
    }

    @Override
    public <E extends Event> E getFirstOfClass(Class<E> cl) {
        for (Event e : sorted()) if (e.getClass() == cl) return cl.cast(e);
        return null;
    }

    @Override
    public ListIterator<Event> listIterator() {
        return sorted().listIterator();
    }

    @Override
    public Iterator<Event> iterator() {
        return sorted().iterator();
    }

    /**
     * An event that remembers its slot in this list, so that cancelling it ({@link Event#cancel},
     * which calls {@link #remove}) costs a sift instead of a scan of every pending event.
     */
    abstract static class Slotted extends Event {
        private int slot = -1;

        Slotted(Simulator sim) {
            super(sim);
        }
    }

    @Override
    public boolean remove(Event ev) {
        if (ev instanceof Slotted s) {
            if (s.slot < 0 || s.slot >= size || heap[s.slot] != ev) return false;
            removeAt(s.slot);
            return true;
        }
        for (int i = 0; i < size; i++) {
            if (heap[i] == ev) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    @Override
    public Event removeFirst() {
        if (size == 0) return null;
        Event first = heap[0];
        removeAt(0);
        return first;
    }

    private void removeAt(int i) {
        if (heap[i] instanceof Slotted s) s.slot = -1;
        int last = --size;
        if (i < last) {
            move(last, i);
            heap[last] = null;
            siftDown(i);
            siftUp(i);
        } else {
            heap[last] = null;
        }
    }

    private void push(Event ev, long seq) {
        if (size == heap.length) {
            int n = size * 2;
            heap = Arrays.copyOf(heap, n);
            times = Arrays.copyOf(times, n);
            priorities = Arrays.copyOf(priorities, n);
            seqs = Arrays.copyOf(seqs, n);
        }
        heap[size] = ev;
        times[size] = ev.time();
        priorities[size] = ev.priority();
        seqs[size] = seq;
        if (ev instanceof Slotted s) s.slot = size;
        siftUp(size++);
    }

    private void move(int from, int to) {
        heap[to] = heap[from];
        if (heap[to] instanceof Slotted s) s.slot = to;
        times[to] = times[from];
        priorities[to] = priorities[from];
        seqs[to] = seqs[from];
    }

    /** Whether slot i comes before slot j: time, then priority, then insertion order. */
    private boolean before(int i, int j) {
        if (times[i] != times[j]) return times[i] < times[j];
        if (priorities[i] != priorities[j]) return priorities[i] < priorities[j];
        return seqs[i] < seqs[j];
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!before(i, parent)) break;
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) break;
            int best = first;
            int end = Math.min(first + 4, size);
            for (int c = first + 1; c < end; c++) if (before(c, best)) best = c;
            if (!before(best, i)) break;
            swap(i, best);
            i = best;
        }
    }

    private void swap(int a, int b) {
        Event e = heap[a];
        heap[a] = heap[b];
        heap[b] = e;
        if (heap[a] instanceof Slotted s) s.slot = a;
        if (heap[b] instanceof Slotted s) s.slot = b;
        double t = times[a];
        times[a] = times[b];
        times[b] = t;
        double p = priorities[a];
        priorities[a] = priorities[b];
        priorities[b] = p;
        long q = seqs[a];
        seqs[a] = seqs[b];
        seqs[b] = q;
    }

    private List<Event> sorted() {
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
        List<Event> l = new ArrayList<>(size);
        for (int i : idx) l.add(heap[i]);
        return l;
    }
}
