package org.caseload.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.engine.Engine;
import org.caseload.scenario.Scenario;

/**
 * The pathways of care and their capacity: admission when there is room (including stretch
 * beyond the target caseload, see {@link PathwayState#hasRoom}), first-come first-served
 * queues otherwise, dropping away from a queue, and letting people in as room appears.
 */
final class Pathways {
    private final Engine engine;
    private final Recorder recorder;
    private final Mortality mortality;
    private final ClientPool clients;
    private final Journey journey;
    private final List<PathwayState> all = new ArrayList<>();
    private final Map<String, PathwayState> byName = new LinkedHashMap<>();
    /** Read-only views made once: {@link #all} is asked for on every episode start and end. */
    private final List<PathwayState> allView = Collections.unmodifiableList(all);
    private final Map<String, PathwayState> byNameView = Collections.unmodifiableMap(byName);
    /** The caseload pathways, in scenario order: {@link #caseloadClients} is asked for on every start and end. */
    private final PathwayState[] caseload;
    /** Keyworker FTE over the caseload pathways, summed in scenario order; changes only with a budget allocation. */
    private double caseloadFte;

    Pathways(Scenario scenario, Window window, Engine engine, Recorder recorder, Mortality mortality, ClientPool clients,
             Journey journey) {
        this.engine = engine;
        this.recorder = recorder;
        this.mortality = mortality;
        this.clients = clients;
        this.journey = journey;
        int i = 0;
        for (Scenario.Pathway p : scenario.pathways().values()) {
            PathwayState s = new PathwayState(p, i++, window);
            all.add(s);
            byName.put(p.name(), s);
        }
        caseload = all.stream().filter(PathwayState::isCaseload).toArray(PathwayState[]::new);
        caseloadFte = sumCaseloadFte();
    }

    private double sumCaseloadFte() {
        double fte = 0;
        for (PathwayState p : caseload) fte += p.fte.value();
        return fte;
    }

    /** Keyworker FTE over the caseload pathways. */
    double caseloadFte() {
        return caseloadFte;
    }

    /** People on the caseload pathways. */
    int caseloadClients() {
        int n = 0;
        for (PathwayState p : caseload) n += p.size();
        return n;
    }

    /** Every pathway, in scenario order. */
    List<PathwayState> all() {
        return allView;
    }

    Map<String, PathwayState> byName() {
        return byNameView;
    }

    /** Admission to a pathway: two uniforms, drawn whether or not the client waits (patience and death, used if they do). */
    void admit(Client c, PathwayState p) {
        double uPatience = c.u();
        double uDeath = c.u();
        if (p.hasRoom() && p.queued == 0) {
            journey.startEpisode(c, p);
            return;
        }
        c.enter(Stage.WAITING_FOR_PLACE);
        p.queue.join(c);
        p.queued++;
        c.queuedFor = p.index;
        journey.waitingChanged();
        double patience = p.spec.patienceDays() == null ? Double.POSITIVE_INFINITY : p.spec.patienceDays().quantile(uPatience);
        mortality.deathWhileWaiting(c, uDeath, patience);
        if (patience < Double.POSITIVE_INFINITY) engine.after(patience, c, ClientEvent.DROPPED_AWAY_FROM_PLACE.ordinal());
    }

    /**
     * {@link ClientEvent#DROPPED_AWAY_FROM_PLACE}: patience ran out in the queue for a place.
     * Someone who never started treatment on this journey leaves as dropped away (still
     * using; they may be referred again). Someone moving on from another treatment pathway
     * leaves treatment from that pathway: as a drop-out after a transfer, as a completer after
     * a completion, with the risk of death after leaving prescribing if it was prescribing.
     */
    void droppedAway(Client c) {
        boolean moving = moving(c);
        leaveQueue(c, false);
        journey.waitingChanged();
        recorder.droppedAway(engine.now());
        if (!moving) {
            journey.leave(c, Exit.DROPPED_AWAY, false);
        } else {
            journey.leave(c, c.movedOnCompletion ? Exit.COMPLETED_TREATMENT : Exit.DROPPED_OUT, all.get(c.movedFrom).spec.prescribing());
        }
    }

    /**
     * Takes the client off the queue they wait in without starting (gave up, or {@code died});
     * their entry in the line is skipped later. Someone who was moving from another treatment
     * pathway has left treatment (successfully if they had completed it and did not die).
     */
    void leaveQueue(Client c, boolean died) {
        boolean moving = moving(c);
        all.get(c.queuedFor).queued--;
        c.queuedFor = -1;
        if (moving) recorder.moveFailed(c, engine.now(), c.movedOnCompletion && !died);
    }

    /** Whether {@code c}, in a pathway's queue, is moving on from another treatment pathway (their stay goes on meanwhile). */
    private static boolean moving(Client c) {
        return !Double.isNaN(c.treatmentStreakStart);
    }

    /**
     * Lets people in from the pathway's queue while it has room, first come first served. The
     * entries of people who left the queue (died or dropped away) are skipped, and so is the
     * older entry of someone who left and is waiting here again (they wait from their latest).
     */
    void pullQueue(PathwayState p) {
        while (p.queued > 0 && p.hasRoom()) {
            Client next = p.queue.take();
            clients.release(next);
            if (next.queuedFor != p.index || !p.queue.wasLatest(next)) continue;
            next.queuedFor = -1;
            p.queued--;
            journey.waitingChanged();
            journey.startEpisode(next, p);
        }
    }

    void pullQueues() {
        for (PathwayState p : all) pullQueue(p);
    }

    /** Takes the client out of the pathway; {@code staysInTreatment} when moving on to another treatment pathway. */
    void leave(Client c, PathwayState p, boolean staysInTreatment) {
        double now = engine.now();
        p.remove(now, c);
        p.stays.count(now);
        p.stayDays.add(now, now - c.pathwayEntryTime);
        recorder.leftPathway(c, p, now, staysInTreatment);
        recorder.staffing(now, this);
        pullQueue(p);
    }

    /** Applies a budget allocation of staff and places. */
    void apply(Budget.Allocation a, double now) {
        for (PathwayState p : all) {
            p.setFte(now, a.fte()[p.index]);
            p.places.set(now, a.places()[p.index]);
        }
        caseloadFte = sumCaseloadFte();
    }

    int waiting() {
        int n = 0;
        for (PathwayState p : all) n += p.queued;
        return n;
    }

    int inPathways() {
        int n = 0;
        for (PathwayState p : all) n += p.size();
        return n;
    }
}
