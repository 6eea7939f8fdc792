package org.caseload.model;

import java.util.Map;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.Scenario.RouteRule;

/**
 * Where people go: the routing rules after assessment, and transfers and moves on completion.
 * The rules and shares are resolved to arrays once per replication (every assessment and every
 * episode end picks from them); picking walks the shares in the scenario's order, as before.
 */
final class Routing {
    private final Scenario scenario;
    /** The split of the first rule matching each (group, complexity, readiness), or null if none matches. */
    private final Split[] byAttributes;
    private final Split[] onCompletion;
    private final Split[] transfer;

    /** Shares in scenario order and the pathways they lead to. */
    private record Split(double[] shares, PathwayState[] targets) {
        static Split of(Map<String, Double> shares, Map<String, PathwayState> byName) {
            double[] s = new double[shares.size()];
            PathwayState[] t = new PathwayState[shares.size()];
            int i = 0;
            for (Map.Entry<String, Double> e : shares.entrySet()) {
                s[i] = e.getValue();
                t[i++] = byName.get(e.getKey());
            }
            return new Split(s, t);
        }

        /** The first target whose cumulative share exceeds u; past the end, none if partial, else the last. */
        PathwayState pick(double u, boolean partial) {
            double acc = 0;
            for (int i = 0; i < shares.length; i++) {
                acc += shares[i];
                if (u < acc) return targets[i];
            }
            return partial || targets.length == 0 ? null : targets[targets.length - 1];
        }
    }

    Routing(Scenario scenario, Map<String, PathwayState> byName) {
        this.scenario = scenario;
        byAttributes = new Split[Client.KINDS];
        for (Group g : Client.GROUPS) {
            for (Complexity c : Client.COMPLEXITIES) {
                for (Readiness r : Client.READINESS) {
                    RouteRule rule = firstMatch(g, c, r);
                    byAttributes[Client.kind(g, c, r)] = rule == null ? null : Split.of(rule.split(), byName);
                }
            }
        }
        onCompletion = new Split[byName.size()];
        transfer = new Split[byName.size()];
        for (PathwayState p : byName.values()) {
            onCompletion[p.index] = Split.of(p.spec.onCompletion(), byName);
            transfer[p.index] = Split.of(p.spec.transferTo(), byName);
        }
    }

    private RouteRule firstMatch(Group g, Complexity c, Readiness r) {
        for (RouteRule rule : scenario.routing()) if (rule.matches(g, c, r)) return rule;
        return null;
    }

    /** The pathway the first matching rule sends this client to; {@code u} picks within a split. */
    PathwayState route(Client c, double u) {
        Split s = byAttributes[Client.kind(c.group(), c.complexity(), c.readiness())];
        if (s == null) throw new IllegalStateException("no routing rule matches " + c.group() + "/" + c.complexity() + "/" + c.readiness());
        return s.pick(u, false);
    }

    /** Where a completer of {@code p} moves on to; null (leaving the service) for the share not given. */
    PathwayState onCompletion(PathwayState p, double u) {
        return onCompletion[p.index].pick(u, true);
    }

    /** The chance that a completer of {@code p} leaves the service rather than moving on: the share {@link #onCompletion} leaves to none. */
    double leavesOnCompletion(PathwayState p) {
        double acc = 0;
        for (double share : onCompletion[p.index].shares()) acc += share;
        return Math.max(0, 1 - acc);
    }

    /** Where a transfer from {@code p} goes (shares sum to 1); null when transfers leave the area. */
    PathwayState transfer(PathwayState p, double u) {
        return transfer[p.index].pick(u, false);
    }

    /** The share of people with these attributes that the routing sends to {@code pathway}. */
    double share(Group g, Complexity c, Readiness r, String pathway) {
        RouteRule rule = firstMatch(g, c, r);
        return rule == null ? 0 : rule.split().getOrDefault(pathway, 0.0);
    }

    /** Whether any rule sends anyone to {@code pathway} (otherwise it is reached only by transfer). */
    boolean isRoutedTo(String pathway) {
        for (RouteRule r : scenario.routing()) {
            Double share = r.split().get(pathway);
            if (share != null && share > 0) return true;
        }
        return false;
    }
}
