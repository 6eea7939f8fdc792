package org.caseload.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.caseload.engine.Mrg32k3a;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Distribution;
import org.caseload.scenario.Group;
import org.caseload.scenario.Scenario;
import umontreal.ssj.probdist.PoissonDist;

/**
 * People already in treatment at time 0. People found in a pathway at a random moment are
 * length-biased (long stays are over-represented), so each initial client is drawn exactly from
 * that length-biased mix ({@link OccupantMix}: three uniforms, for who they are, how long their
 * episode lasts, and how far through it they are, allowing for deaths in the pathway, and a
 * few more where the length is redrawn for that) and starts a uniform fraction of the way
 * through it. Who they are includes how many previous episodes they have had, drawn from the
 * histories of a system at rest ({@link Histories}), not from the referral mix, so that the
 * warm-up need not build histories up. Their unbroken stay in treatment so far includes the
 * treatment episodes they moved on from within the same journey (a transfer, or completing
 * one pathway and moving to another): traced back through where episodes in each pathway
 * come from at rest ({@link Histories#cameFrom}), each earlier episode unbiased, so that the
 * shares in treatment for six months and four years are at rest from the start.
 *
 * <p>A system at rest also has people who left before time 0 and will come back: without
 * them re-presentations start at zero and the caseload dips and then recovers over years
 * (the relapse loop's time scale), so the reporting window would still drift. Each seeded
 * pathway's {@link Returners} draws them directly, as the M/G/∞ population they are; those
 * alive at their return are placed out of treatment awaiting it, with one more previous
 * episode on their history when they re-present.
 *
 * <p>And it has people referred shortly before time 0 and still in assessment: without them the
 * system would lack them, and their stays and returns, for years (at national scale people in
 * treatment read 0.03–0.06% lower after a 24- or 48-month warm-up). At rest with assessors free
 * they are the M/G/∞ population of the referrals: new ones at the rate of the month before time
 * 0 and re-presentations at the rate the seeded pathways' {@link Returners} give, each a
 * Poisson number with mean its rate times the mean assessment, each with its assessment
 * length-biased and under way a uniform fraction of it. If they outnumber the assessors, those
 * referred last wait from time 0 for a whole assessment ({@link Referrals#alreadyReferred}).
 */
final class InitialCaseload {
    /** At most this many earlier episodes in one stay (a hostile file could move people round for ever). */
    static final int MAX_EARLIER_EPISODES = 64;

    private final Scenario scenario;
    private final RandomStreams.Sequence streams;
    private final Pathways pathways;
    private final Routing routing;
    private final Episodes episodes;
    private final AfterExit afterExit;
    private final Mortality mortality;
    private final Mrg32k3a past;
    private final RandomStreams.Sequence returners;
    private final RandomStreams.Sequence stays;
    private final ClientPool clients;
    private final Referrals referrals;
    private final RandomStreams.Sequence referred;
    private int created;

    InitialCaseload(Scenario scenario, RandomStreams.Sequence streams, Pathways pathways, Routing routing, Episodes episodes,
                    AfterExit afterExit, Mortality mortality, Mrg32k3a past, RandomStreams.Sequence returners,
                    RandomStreams.Sequence stays, ClientPool clients, Referrals referrals, RandomStreams.Sequence referred) {
        this.scenario = scenario;
        this.streams = streams;
        this.pathways = pathways;
        this.routing = routing;
        this.episodes = episodes;
        this.afterExit = afterExit;
        this.mortality = mortality;
        this.past = past;
        this.returners = returners;
        this.stays = stays;
        this.clients = clients;
        this.referrals = referrals;
        this.referred = referred;
    }

    /** Places everyone of the scenario's {@code initial_caseload} in their pathway, part-way through an episode. */
    void seed() {
        // An initial caseload of zeros is a start from empty, like none at all: nothing is seeded.
        if (scenario.initialCaseload().values().stream().allMatch(n -> n == 0)) return;
        SeedingPlan plan = SeedingPlan.of(scenario,
                () -> SeedingPlan.workOut(scenario, pathways, routing, episodes, afterExit, mortality));
        for (Map.Entry<String, Integer> e : scenario.initialCaseload().entrySet()) {
            if (e.getValue() == 0) continue;
            PathwayState p = pathways.byName().get(e.getKey());
            OccupantMix mix = plan.mix(e.getKey());
            for (int i = 0; i < e.getValue(); i++) {
                Mrg32k3a s = streams.next();
                int chosen = mix.pickFound(s.nextDouble());
                double length = mix.foundLength(chosen, s);
                double elapsed = mix.elapsed(chosen, length, s.nextDouble());
                // The person's own draws continue from this stream where the choice left it.
                Client c = newClient(s, mix.kind(chosen), mix.previous(chosen));
                created++;
                c.treatedBefore = true;
                c.treatedSinceReferral = true;
                double treated = p.isTreatment() ? elapsed + treatedBefore(plan.histories(), mix.kind(chosen),
                        mix.previous(chosen), p) : elapsed;
                episodes.start(c, p, mix.outcome(chosen), length - elapsed, elapsed, treated, true);
            }
        }
        // Then those out of treatment and due back, pathway by pathway.
        for (Map.Entry<String, Integer> e : scenario.initialCaseload().entrySet()) {
            if (e.getValue() == 0) continue;
            PathwayState p = pathways.byName().get(e.getKey());
            plan.returners(e.getKey()).draw(past, (kind, previous, returnDays, leftDaysAgo) ->
                    comeBackLater(p, kind, previous, returnDays, leftDaysAgo));
        }
        seedAssessment(plan);
    }

    /** Someone referred {@code elapsedDays} before time 0 whose assessment has {@code remainingDays} to run. */
    private record InAssessment(Client client, double elapsedDays, double remainingDays) {
    }

    /**
     * The people in assessment at time 0 (see the class comment): new referrals, then each
     * seeded pathway's re-presentations; their numbers and who re-presents from {@code past},
     * after everything else it gives, so that no earlier draw moves; each person's own draws
     * from a stream of their own.
     */
    private void seedAssessment(SeedingPlan plan) {
        Distribution service = scenario.assessment().serviceDays();
        double meanDays = service.mean();
        if (!(meanDays > 0)) return;
        // A mean assessment longer than the run (a hostile file) would seed more people than the
        // run's own referrals: then only those referred within the run's length before time 0.
        double lookBack = scenario.warmupDays() + scenario.horizonDays();
        boolean withinLookBack = meanDays <= lookBack;
        double span = withinLookBack ? meanDays : lookBack;
        List<InAssessment> found = new ArrayList<>();
        int newOnes = PoissonDist.inverseF(referrals.ratePerDayBeforeStart() * span, past.nextDouble());
        for (int i = 0; i < newOnes; i++) {
            Client c = referrals.newClient(referred.next());
            keepIfUnderWay(c, service, withinLookBack, lookBack, found);
        }
        for (Map.Entry<String, Integer> e : scenario.initialCaseload().entrySet()) {
            if (e.getValue() == 0) continue;
            PathwayState p = pathways.byName().get(e.getKey());
            plan.returners(e.getKey()).drawJustReturned(past, span, (kind, previous, returnDays, leftDaysAgo) -> {
                // They re-presented after a treatment episode: one more on their history (one uniform: death while out).
                Client c = newClient(referred.next(), kind, previous + 1);
                double deathDays = mortality.daysToDeathAfterExit(c.group(), p.spec.prescribing(), -Math.log(c.u()));
                if (deathDays < returnDays) {
                    clients.finished(c);
                    return;
                }
                c.treatedBefore = true;
                c.representing = true;
                keepIfUnderWay(c, service, withinLookBack, lookBack, found);
            });
        }
        found.sort(Comparator.comparingDouble(InAssessment::elapsedDays).reversed());
        for (InAssessment a : found) {
            created++;
            referrals.alreadyReferred(a.client(), -a.elapsedDays(), a.remainingDays());
        }
    }

    /**
     * Two uniforms: how long the assessment of a candidate lasts and how long ago it began; the
     * candidate is kept in {@code found} if it is under way at time 0, else let go. With the mean
     * assessment within the look-back ({@code withinLookBack}) the candidates are exactly the
     * people under way (their number the rate times the mean, at most the run's own referrals):
     * the length length-biased, the time so far a uniform fraction of it; all are kept. Beyond
     * it, the candidates are all those referred within the look-back (their number the rate
     * times the look-back): the time since uniform over it, the length unbiased, kept if longer.
     */
    private void keepIfUnderWay(Client c, Distribution service, boolean withinLookBack, double lookBack,
                                List<InAssessment> found) {
        double length;
        double elapsed;
        if (withinLookBack) {
            length = service.lengthBiasedQuantile(c.u());
            elapsed = c.u() * length;
        } else {
            elapsed = c.u() * lookBack;
            length = service.quantile(c.u());
        }
        if (length > elapsed) found.add(new InAssessment(c, elapsed, length - elapsed));
        else clients.finished(c);
    }

    /**
     * Days of treatment, in this journey, before the current episode in treatment pathway
     * {@code p} of someone of this kind and history: the treatment episodes they moved on
     * from, traced back one at a time, each of unbiased length. From a stream of the person's
     * own for this (two uniforms an earlier episode, one to stop), so that the count drawn
     * moves no other draw.
     */
    private double treatedBefore(Histories histories, int kind, int previous, PathwayState p) {
        Mrg32k3a s = stays.next();
        Group g = Client.groupOf(kind);
        double days = 0;
        PathwayState at = p;
        for (int n = 0; n < MAX_EARLIER_EPISODES; n++) {
            int from = histories.cameFrom(kind, previous, at, s.nextDouble());
            if (from < 0) break;
            at = pathways.all().get(from >> 1);
            Episodes.Outcome ended = (from & 1) == 0 ? Episodes.Outcome.COMPLETE : Episodes.Outcome.TRANSFER;
            days += Episodes.durationOf(at, g, ended).quantile(s.nextDouble());
        }
        return days;
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
