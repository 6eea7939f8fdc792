package org.caseload.model;

import org.caseload.scenario.Scenario.CapacityKind;
import org.caseload.scenario.Scenario.FullPolicy;
import org.caseload.scenario.Scenario.Pathway;

/** The live state of one pathway in one replication: who is in it, who waits, its staff. */
final class PathwayState {
    /**
     * What a pathway is for. People in a treatment pathway count as in treatment; the recovery
     * community supports people after treatment: time there is not treatment, leaving it is
     * not a treatment exit, and completing it lowers the chance of relapse.
     */
    enum Role { TREATMENT, RECOVERY_COMMUNITY }

    final Pathway spec;
    final Role role;
    /** Whether capacity is a caseload per FTE (asked on every start and end). */
    private final boolean caseload;
    final int index;
    final Level occupancy;
    final Level waiting;
    final Level fte;
    final Level places;
    final Counter entries;
    final Counter stays;
    final Counter stayDays;
    final Counter completions;
    /** Clients per FTE on caseload pathways (undefined, NaN, while there are no staff); stays 0 on other pathways. */
    final Level perFte;
    /** People in the pathway (who they are is not kept: {@link SeenPerYear} needs no list). */
    private int members;
    final WaitingLine queue = new WaitingLine();
    int queued;

    PathwayState(Pathway spec, int index, Window window) {
        this.spec = spec;
        this.role = spec.treatment() ? Role.TREATMENT : Role.RECOVERY_COMMUNITY;
        this.caseload = spec.capacity().kind() == CapacityKind.CASELOAD;
        this.index = index;
        this.occupancy = new Level(window);
        this.waiting = new Level(window);
        this.fte = new Level(window);
        this.places = new Level(window);
        this.entries = new Counter(window);
        this.stays = new Counter(window);
        this.stayDays = new Counter(window);
        this.completions = new Counter(window);
        this.perFte = new Level(window);
        fte.set(0, spec.capacity().staffFte());
        places.set(0, spec.capacity().places());
    }

    int size() {
        return members;
    }

    void add(double t, Client c) {
        members++;
        c.pathway = index;
        occupancy.set(t, members);
        refreshPerFte(t);
    }

    void remove(double t, Client c) {
        members--;
        c.pathway = -1;
        occupancy.set(t, members);
        refreshPerFte(t);
    }

    void setFte(double t, double value) {
        fte.set(t, value);
        refreshPerFte(t);
    }

    private void refreshPerFte(double t) {
        if (isCaseload()) perFte.set(t, fte.value() > 0 ? members / fte.value() : Double.NaN);
    }

    boolean isTreatment() {
        return role == Role.TREATMENT;
    }

    boolean isCaseload() {
        return caseload;
    }

    /** Whether one more person can start now under the pathway's full policy. */
    boolean hasRoom() {
        int n = members;
        return switch (spec.capacity().kind()) {
            case OPEN -> true;
            case PLACES -> spec.whenFull() == FullPolicy.STRETCH || n < (int) places.value();
            case CASELOAD -> switch (spec.whenFull()) {
                case STRETCH -> fte.value() > 0;
                case QUEUE -> n < Math.floor(fte.value() * spec.capacity().caseloadPerFte() + 1e-9);
                case STRETCH_THEN_QUEUE -> n < Math.floor(fte.value() * spec.capacity().maxCaseloadPerFte() + 1e-9);
            };
        };
    }

    /** Pressure when people remain on a caseload pathway whose staff have all gone. */
    static final double MAX_PRESSURE = 50;

    /**
     * Relative excess of caseload per FTE over its target (per worker / target - 1), capped at
     * {@link #MAX_PRESSURE}; 0 at or under target and on pathways without a caseload target.
     */
    double pressure() {
        return pressureWith(members);
    }

    /** The pressure this pathway would be under with {@code people} on it and its staff as now. */
    double pressureWith(int people) {
        if (!isCaseload() || spec.capacity().caseloadPerFte() <= 0) return 0;
        double f = fte.value();
        if (f <= 0) return people == 0 ? 0 : MAX_PRESSURE;
        double perWorker = people / f;
        return Math.min(MAX_PRESSURE, Math.max(0, perWorker / spec.capacity().caseloadPerFte() - 1));
    }
}
