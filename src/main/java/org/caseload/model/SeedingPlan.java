package org.caseload.model;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.caseload.scenario.Scenario;

/**
 * What seeding a scenario's initial caseload draws from: each seeded pathway's
 * {@link OccupantMix}, worked out from the {@link Histories} at rest, and its
 * {@link Returners}, the people who left it before time 0 and are due back. It depends on the
 * scenario alone (its pathways as they stand at time 0, before anything is drawn), so the
 * replications of a scenario share one, worked out by the first that needs it; otherwise it
 * is about 8% of a Leeds replication. The most recent scenarios' plans are kept, matched by
 * identity and weakly held, so that an analysis's many scenario variants come and go.
 */
final class SeedingPlan {
    /** Plans kept: a sweep or a comparison runs its scenarios side by side (a Leeds-shaped plan holds ~2,500 components a pathway). */
    static final int KEPT = 32;
    private static final Deque<Kept> RECENT = new ArrayDeque<>();

    private record Kept(WeakReference<Scenario> scenario, SeedingPlan plan) {
    }

    private final Histories histories;
    private final Map<String, OccupantMix> mixes;
    private final Map<String, Returners> returners;

    private SeedingPlan(Histories histories, Map<String, OccupantMix> mixes, Map<String, Returners> returners) {
        this.histories = histories;
        this.mixes = mixes;
        this.returners = returners;
    }

    /** The plan of {@code scenario}: kept from an earlier replication, or made by {@code make} and kept. */
    static SeedingPlan of(Scenario scenario, Supplier<SeedingPlan> make) {
        synchronized (RECENT) {
            for (Iterator<Kept> it = RECENT.iterator(); it.hasNext(); ) {
                Kept k = it.next();
                Scenario s = k.scenario().get();
                if (s == null) it.remove();
                else if (s == scenario) return k.plan();
            }
            SeedingPlan plan = make.get();
            RECENT.addFirst(new Kept(new WeakReference<>(scenario), plan));
            while (RECENT.size() > KEPT) RECENT.removeLast();
            return plan;
        }
    }

    /** Works the plan out for a replication's pathways at time 0. */
    static SeedingPlan workOut(Scenario scenario, Pathways pathways, Routing routing, Episodes episodes, AfterExit afterExit,
                               Mortality mortality) {
        Histories histories = Histories.of(scenario, pathways.all(), routing, episodes, afterExit, mortality);
        Map<String, OccupantMix> mixes = new HashMap<>();
        Map<String, Returners> returners = new HashMap<>();
        for (Map.Entry<String, Integer> e : scenario.initialCaseload().entrySet()) {
            if (e.getValue() == 0) continue;
            PathwayState p = pathways.byName().get(e.getKey());
            OccupantMix mix = OccupantMix.of(scenario, episodes, mortality, p, histories, e.getValue());
            mixes.put(e.getKey(), mix);
            returners.put(e.getKey(), Returners.of(p, mix, e.getValue(), routing, afterExit));
        }
        return new SeedingPlan(histories, mixes, returners);
    }

    /** The histories at rest the mixes were worked out from. */
    Histories histories() {
        return histories;
    }

    /** The occupant mix of a pathway seeded with at least one person. */
    OccupantMix mix(String pathway) {
        return mixes.get(pathway);
    }

    /** The leavers of a pathway seeded with at least one person. */
    Returners returners(String pathway) {
        return returners.get(pathway);
    }
}
