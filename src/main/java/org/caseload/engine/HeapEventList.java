package org.caseload.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * A binary-heap event list for SSJ, ordered by time, then priority, then insertion order
 * (kept in the event's {@code ra} field), so simultaneous events of equal priority run
 * first-in first-out like every SSJ list.
 *
 * <p>Why: this model's delays range from hours to years; with thousands of pending events
 * spread that widely SSJ's Henriksen list spent most of a Leeds replication searching its
 * index (measured with JFR). Only what the kernel uses is fast: {@code add},
 * {@code removeFirst}, {@code getFirst}. Positional inserts are not supported.
 */
public final class HeapEventList implements EventList {
    private Event[] heap = new Event[1024];
    private int size;
    private int nextSeq;
    private int firstSeq;

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
        ev.setRa(nextSeq++);
        push(ev);
    }

    @Override
    public void addFirst(Event ev) {
        ev.setRa(--firstSeq);
        push(ev);
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

    @Override
    public boolean remove(Event ev) {
        for (int i = 0; i < size; i++) {
            if (heap[i] == ev) {
                Event last = heap[--size];
                heap[size] = null;
                if (i < size) {
                    heap[i] = last;
                    siftDown(i);
                    siftUp(i);
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public Event removeFirst() {
        if (size == 0) return null;
        Event first = heap[0];
        Event last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            heap[0] = last;
            siftDown(0);
        }
        return first;
    }

    private void push(Event ev) {
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        heap[size] = ev;
        siftUp(size++);
    }

    private static boolean before(Event a, Event b) {
        double ta = a.time();
        double tb = b.time();
        if (ta != tb) return ta < tb;
        double pa = a.priority();
        double pb = b.priority();
        if (pa != pb) return pa < pb;
        return a.getRa() < b.getRa();
    }

    private void siftUp(int i) {
        Event e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Event p = heap[parent];
            if (!before(e, p)) break;
            heap[i] = p;
            i = parent;
        }
        heap[i] = e;
    }

    private void siftDown(int i) {
        Event e = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) child = right;
            if (!before(heap[child], e)) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = e;
    }

    private List<Event> sorted() {
        List<Event> l = new ArrayList<>(Arrays.asList(heap).subList(0, size));
        l.sort((a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
        return l;
    }
}
