package org.caseload.analysis;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;

/** The metrics an analysis reports for a set of scenarios. */
public final class AnalysisMetrics {
    private AnalysisMetrics() {
    }

    /**
     * The catalogue for the pathways every scenario has, without clients per FTE of a pathway
     * that is not a caseload pathway in every scenario (the model reports it only for
     * caseload pathways; elsewhere it has no meaning).
     */
    public static List<Metric> of(List<Scenario> scenarios) {
        List<String> common = new ArrayList<>(scenarios.get(0).pathways().keySet());
        for (Scenario s : scenarios) common.retainAll(s.pathways().keySet());
        List<Metric> out = new ArrayList<>();
        for (Metric m : Metrics.forPathways(common)) {
            if (m.name().startsWith(Metrics.CASELOAD_PREFIX)) {
                String p = m.name().substring(Metrics.CASELOAD_PREFIX.length());
                if (!scenarios.stream().allMatch(s -> s.pathways().get(p).capacity().kind() == Scenario.CapacityKind.CASELOAD)) continue;
            }
            out.add(m);
        }
        return List.copyOf(out);
    }
}
