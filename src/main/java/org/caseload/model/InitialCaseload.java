package org.caseload.model;

import java.util.Map;
import org.caseload.engine.Mrg32k3a;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.caseload.scenario.Scenario;

/**
 * People already in treatment at time 0. People found in a pathway at a random moment are
 * length-biased (long stays are over-represented), so each initial client is picked from
 * {@value #CANDIDATES} candidate (person, episode) pairs with probability proportional to the
 * episode's length, and starts a uniform fraction of the way through it. Candidates are
 * people the routing rules would send to the pathway.
 */
final class InitialCaseload {
    private static final int CANDIDATES = 8;

    private final Scenario scenario;
    private final RandomStreams.Sequence streams;
    private final Pathways pathways;
    private final Routing routing;
    private final Episodes episodes;
    private int created;

    InitialCaseload(Scenario scenario, RandomStreams.Sequence streams, Pathways pathways, Routing routing, Episodes episodes) {
        this.scenario = scenario;
        this.streams = streams;
        this.pathways = pathways;
        this.routing = routing;
        this.episodes = episodes;
    }

    /** Places everyone of the scenario's {@code initial_caseload} in their pathway, part-way through an episode. */
    void seed() {
        for (Map.Entry<String, Integer> e : scenario.initialCaseload().entrySet()) {
            PathwayState p = pathways.byName().get(e.getKey());
            double[] weights = attributeWeights(p);
            double weightTotal = Shares.sum(weights);
            for (int i = 0; i < e.getValue(); i++) {
                Mrg32k3a s = streams.next();
                Client[] people = new Client[CANDIDATES];
                Episodes.Plan[] plans = new Episodes.Plan[CANDIDATES];
                double total = 0;
                for (int k = 0; k < CANDIDATES; k++) {
                    people[k] = routedCandidate(s, weights, weightTotal);
                    double uOutcome = s.nextDouble();
                    double uDuration = s.nextDouble();
                    plans[k] = episodes.plan(people[k], p, uOutcome, uDuration);
                    total += plans[k].remainingDays();
                }
                double pick = s.nextDouble() * total;
                int chosen = 0;
                for (double acc = plans[0].remainingDays(); acc <= pick && chosen < CANDIDATES - 1; ) {
                    chosen++;
                    acc += plans[chosen].remainingDays();
                }
                double length = plans[chosen].remainingDays();
                double elapsed = s.nextDouble() * length;
                Client c = people[chosen];
                created++;
                c.treatedBefore = true;
                episodes.start(c, p, new Episodes.Plan(plans[chosen].outcome(), length - elapsed, elapsed), true);
            }
        }
    }

    /**
     * A person the routing would send to {@code p}: group, complexity and readiness drawn
     * from the referral mix conditioned on that (one uniform), then history (one uniform).
     * Pathways reached only by transfer take the unconditioned mix.
     */
    private Client routedCandidate(Mrg32k3a s, double[] weights, double weightTotal) {
        int k = Shares.pick(weights, s.nextDouble() * weightTotal);
        int nc = Client.COMPLEXITIES.length;
        int nr = Client.READINESS.length;
        Group g = Client.GROUPS[k / (nc * nr)];
        Complexity c = Client.COMPLEXITIES[(k / nr) % nc];
        Readiness r = Client.READINESS[k % nr];
        int prev = Shares.pick(scenario.clients().previousEpisodesShares()[g.ordinal()], s.nextDouble());
        return new Client(s, g, c, r, prev);
    }

    /** P(group, complexity, readiness and routed to p), indexed group-major; unconditioned if p is never routed to. */
    private double[] attributeWeights(PathwayState p) {
        return attributeWeights(p, routing.isRoutedTo(p.spec.name()));
    }

    /** A pathway routed to only by kinds of client the mix never has (e.g. ready_to_change 1) is fed by transfers. */
    private double[] attributeWeights(PathwayState p, boolean reachable) {
        Scenario.ClientMix mix = scenario.clients();
        int nc = Client.COMPLEXITIES.length;
        int nr = Client.READINESS.length;
        double[] w = new double[Client.GROUPS.length * nc * nr];
        for (Group g : Client.GROUPS) {
            for (Complexity c : Client.COMPLEXITIES) {
                for (Readiness r : Client.READINESS) {
                    double pr = r == Readiness.LIKELY ? mix.readyToChange()[g.ordinal()] : 1 - mix.readyToChange()[g.ordinal()];
                    double share = reachable ? routing.share(g, c, r, p.spec.name()) : 1;
                    w[(g.ordinal() * nc + c.ordinal()) * nr + r.ordinal()] =
                            mix.groupShares()[g.ordinal()] * mix.complexityShares()[g.ordinal()][c.ordinal()] * pr * share;
                }
            }
        }
        if (Shares.sum(w) <= 0 && reachable) return attributeWeights(p, false);
        if (Shares.sum(w) <= 0) throw new IllegalStateException("no referral can reach pathway " + p.spec.name());
        return w;
    }

    int created() {
        return created;
    }
}
