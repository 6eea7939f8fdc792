package org.caseload.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.Scenario.CapacityKind;

/** The metrics an analysis reports for a set of scenarios. */
public final class AnalysisMetrics {
    private AnalysisMetrics() {
    }

    /**
     * The catalogue for the pathways every scenario has, less what no replication of some
     * scenario reports: clients per FTE only for pathways that are caseload pathways in every
     * scenario, funded FTE only where every scenario gives the pathway staff, funded places
     * only where it is a places pathway in every scenario (elsewhere they have no meaning).
     */
    public static List<Metric> of(List<Scenario> scenarios) {
        List<String> common = new ArrayList<>(scenarios.get(0).pathways().keySet());
        for (Scenario s : scenarios) common.retainAll(s.pathways().keySet());
        List<String> staffed = common.stream()
                .filter(p -> scenarios.stream().allMatch(s -> s.caseloadPathways().contains(p))).toList();
        Set<String> reported = new HashSet<>();
        for (String p : common) {
            if (scenarios.stream().allMatch(s -> s.pathways().get(p).capacity().hasStaff())) reported.add(Metrics.FTE_PREFIX + p);
            if (scenarios.stream().allMatch(s -> s.pathways().get(p).capacity().kind() == CapacityKind.PLACES)) {
                reported.add(Metrics.PLACES_PREFIX + p);
            }
        }
        return Metrics.forPathways(common, staffed).stream()
                .filter(m -> !(m.name().startsWith(Metrics.FTE_PREFIX) || m.name().startsWith(Metrics.PLACES_PREFIX))
                        || reported.contains(m.name()))
                .toList();
    }
}
