package org.caseload.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseload.engine.Mrg32k3a;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Scenario;

/**
 * People already in treatment at time 0. People found in a pathway at a random moment are
 * length-biased (long stays are over-represented), so each initial client is drawn exactly from
 * that length-biased mix ({@link OccupantMix}: three uniforms, for who they are, how long their
 * episode lasts, and how far through it they are) and starts a uniform fraction of the way
 * through it. Who they are includes how many previous episodes they have had, drawn from the
 * histories of a system at rest ({@link Histories}), not from the referral mix, so that the
 * warm-up need not build histories up.
 *
 * <p>A system at rest also has people who left before time 0 and will come back: without
 * them re-presentations start at zero and the caseload dips and then recovers over years
 * (the relapse loop's time scale), so the reporting window would still drift. Each place of
 * the initial caseload is therefore run backwards as a renewal process: before its current
 * occupant it was held by earlier people, one unbiased episode after another, back
 * {@value #PRE_HISTORY_DAYS} days (at most {@value #MAX_EARLIER_OCCUPANTS} of them). Each of
 * those who left the service (rather than moving to another pathway) gets the after-exit fate
 * of someone leaving that long ago; those still due to return after time 0, and alive, are
 * placed out of treatment awaiting their return, with one more previous episode on their
 * history when they re-present.
 */
final class InitialCaseload {
    /** How far back earlier occupants are generated: returns later than ten years after leaving are negligible. */
    static final double PRE_HISTORY_DAYS = 3652.5;
    /**
     * At most this many earlier occupants per place, so that very short stays (or a hostile
     * file) cannot make seeding the main cost of a run; a pathway whose stays average under
     * ~4 weeks reaches back less than ten years and its warm-up fills the rest.
     */
    static final int MAX_EARLIER_OCCUPANTS = 128;

    private final Scenario scenario;
    private final RandomStreams.Sequence streams;
    private final Pathways pathways;
    private final Routing routing;
    private final Episodes episodes;
    private final AfterExit afterExit;
    private final Mortality mortality;
    private final Mrg32k3a past;
    private final RandomStreams.Sequence returners;
    private final ClientPool clients;
    private int created;

    InitialCaseload(Scenario scenario, RandomStreams.Sequence streams, Pathways pathways, Routing routing, Episodes episodes,
                    AfterExit afterExit, Mortality mortality, Mrg32k3a past, RandomStreams.Sequence returners,
                    ClientPool clients) {
        this.scenario = scenario;
        this.streams = streams;
        this.pathways = pathways;
        this.routing = routing;
        this.episodes = episodes;
        this.afterExit = afterExit;
        this.mortality = mortality;
        this.past = past;
        this.returners = returners;
        this.clients = clients;
    }

    /** Places everyone of the scenario's {@code initial_caseload} in their pathway, part-way through an episode. */
    void seed() {
        if (scenario.initialCaseload().isEmpty()) return;
        SeedingPlan plan = SeedingPlan.of(scenario,
                () -> SeedingPlan.workOut(scenario, pathways, routing, episodes, afterExit, mortality));
        // Earlier occupants come after everyone is placed, so their episodes see the full caseload's pressure.
        // One walk per pathway, over the days its places' occupants have spent there, not an object per place.
        List<Runnable> walks = new ArrayList<>();
        for (Map.Entry<String, Integer> e : scenario.initialCaseload().entrySet()) {
            if (e.getValue() == 0) continue;
            PathwayState p = pathways.byName().get(e.getKey());
            OccupantMix mix = plan.mix(e.getKey());
            double[] elapsedDays = new double[e.getValue()];
            walks.add(() -> {
                for (double elapsed : elapsedDays) earlierOccupants(p, mix, elapsed);
            });
            for (int i = 0; i < e.getValue(); i++) {
                Mrg32k3a s = streams.next();
                int chosen = mix.pickFound(s.nextDouble());
                double length = mix.foundLength(chosen, s.nextDouble());
                double elapsed = s.nextDouble() * length;
                // The person's own draws continue from this stream where the choice left it.
                Client c = newClient(s, mix.kind(chosen), mix.previous(chosen));
                created++;
                c.treatedBefore = true;
                c.treatedSinceReferral = true;
                episodes.start(c, p, mix.outcome(chosen), length - elapsed, elapsed, true);
                elapsedDays[i] = elapsed;
            }
        }
        walks.forEach(Runnable::run);
    }

    /**
     * The people who held this place before its current occupant (who arrived
     * {@code elapsedDays} ago), going back {@value #PRE_HISTORY_DAYS} days: seven uniforms
     * each from the pre-history stream (who and their episode 2, next pathway 1, after exit
     * 4). Deaths in the pathway are ignored (rare next to the other endings).
     */
    private void earlierOccupants(PathwayState p, OccupantMix mix, double elapsedDays) {
        double leftDaysAgo = elapsedDays;
        for (int n = 0; n < MAX_EARLIER_OCCUPANTS && leftDaysAgo < PRE_HISTORY_DAYS; n++) {
            int e = mix.pickStarting(past.nextDouble());
            double days = mix.length(e, past.nextDouble());
            double uNext = past.nextDouble();
            double uRelapse = past.nextDouble();
            double uRelapseTime = past.nextDouble();
            double uRepresent = past.nextDouble();
            double uDelay = past.nextDouble();
            Exit exit = exitOf(p, mix.outcome(e), uNext);
            if (exit != null) {
                double returnDays = afterExit.returnDays(Client.groupOf(mix.kind(e)), exit, uRelapse, uRelapseTime,
                        uRepresent, uDelay);
                if (returnDays > leftDaysAgo && Double.isFinite(returnDays)) {
                    comeBackLater(p, mix.kind(e), mix.previous(e), returnDays, leftDaysAgo);
                }
            }
            leftDaysAgo += Math.max(days, 1.0); // a 0-day episode would stall the walk back
        }
    }

    /** How an earlier occupant left the service, or null if they moved to another pathway or out of the area. */
    private Exit exitOf(PathwayState p, Episodes.Outcome outcome, double uNext) {
        return switch (outcome) {
            case COMPLETE -> routing.onCompletion(p, uNext) != null ? null
                    : p.isTreatment() ? Exit.COMPLETED_TREATMENT : Exit.COMPLETED_RECOVERY_COMMUNITY;
            case DROPOUT -> p.isTreatment() ? Exit.DROPPED_OUT : Exit.LEFT_RECOVERY_COMMUNITY;
            case TRANSFER -> null;
        };
    }

    /**
     * Someone who left {@code leftDaysAgo} days ago and re-presents {@code returnDays} after
     * leaving, unless they die first: their own stream from here on (one uniform: death).
     */
    private void comeBackLater(PathwayState p, int kind, int previous, double returnDays, double leftDaysAgo) {
        Client c = newClient(returners.next(), kind, previous);
        double deathDays = mortality.daysToDeathAfterExit(c.group(), p.spec.prescribing(), -Math.log(c.u()));
        if (deathDays < returnDays) { // dies first: never seen
            clients.finished(c);
            return;
        }
        created++;
        c.treatedBefore = true;
        c.treatedSinceReferral = true; // the episode before they left counts when they re-present
        afterExit.awaitReturnFromBefore(c, returnDays - leftDaysAgo);
    }

    /** A client of this kind and history, drawing from {@code s} from here on. */
    private Client newClient(Mrg32k3a s, int kind, int previous) {
        return clients.take(s, Client.groupOf(kind), Client.complexityOf(kind), Client.readinessOf(kind), previous);
    }

    int created() {
        return created;
    }
}
