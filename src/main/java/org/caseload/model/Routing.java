package org.caseload.model;

import java.util.Map;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.Scenario.RouteRule;

/** Where people go: the routing rules after assessment, and transfers and moves on completion. */
final class Routing {
    private final Scenario scenario;
    private final Map<String, PathwayState> byName;

    Routing(Scenario scenario, Map<String, PathwayState> byName) {
        this.scenario = scenario;
        this.byName = byName;
    }

    /** The pathway the first matching rule sends this client to; {@code u} picks within a split. */
    PathwayState route(Client c, double u) {
        for (RouteRule rule : scenario.routing()) {
            if (rule.matches(c.group, c.complexity, c.readiness)) {
                double acc = 0;
                String chosen = null;
                for (Map.Entry<String, Double> e : rule.split().entrySet()) {
                    acc += e.getValue();
                    chosen = e.getKey();
                    if (u < acc) break;
                }
                return byName.get(chosen);
            }
        }
        throw new IllegalStateException("no routing rule matches " + c.group + "/" + c.complexity + "/" + c.readiness);
    }

    /**
     * Picks a target from shares. Shares of a transfer sum to 1; for moves on completion
     * ({@code partial}) they may sum to less, and the rest means leaving the service (null).
     */
    PathwayState target(Map<String, Double> shares, double u, boolean partial) {
        if (shares.isEmpty()) return null;
        double acc = 0;
        String last = null;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            acc += e.getValue();
            last = e.getKey();
            if (u < acc) return byName.get(e.getKey());
        }
        return partial ? null : byName.get(last);
    }

    /** The share of people with these attributes that the routing sends to {@code pathway}. */
    double share(Group g, Complexity c, Readiness r, String pathway) {
        for (RouteRule rule : scenario.routing()) {
            if (rule.matches(g, c, r)) return rule.split().getOrDefault(pathway, 0.0);
        }
        return 0;
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
