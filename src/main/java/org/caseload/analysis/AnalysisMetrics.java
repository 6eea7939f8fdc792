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
     * The catalogue for the pathways every scenario has, with clients per FTE only for the
     * pathways that are caseload pathways in every scenario (the model reports it only for
     * caseload pathways; elsewhere it has no meaning).
     */
    public static List<Metric> of(List<Scenario> scenarios) {
        List<String> common = new ArrayList<>(scenarios.get(0).pathways().keySet());
        for (Scenario s : scenarios) common.retainAll(s.pathways().keySet());
        List<String> staffed = common.stream()
                .filter(p -> scenarios.stream().allMatch(s -> s.caseloadPathways().contains(p))).toList();
        return Metrics.forPathways(common, staffed);
    }
}
