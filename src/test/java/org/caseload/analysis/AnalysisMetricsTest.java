package org.caseload.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.caseload.model.TreatmentSystem;
import org.caseload.engine.RandomStreams;
import org.caseload.results.Metric;
import org.caseload.results.ReplicationResult;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** An analysis lists exactly the metrics a replication reports: no column that is undefined by construction. */
class AnalysisMetricsTest {
    @Test
    void theMetricsAreThoseAReplicationReports() {
        Scenario leeds = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of("warmup_months=6", "horizon_months=6"))
                .scenario();
        List<String> listed = AnalysisMetrics.of(List.of(leeds)).stream().map(Metric::name).toList();
        ReplicationResult r = new TreatmentSystem(leeds, RandomStreams.fromSeed(1), 0).run();
        for (String name : listed) assertTrue(r.metrics().containsKey(name), name + " is listed but not reported");
        for (String name : r.metrics().keySet()) assertTrue(listed.contains(name), name + " is reported but not listed");
        assertTrue(listed.contains("places_mean_rehab") && listed.contains("fte_mean_intensive_keywork"));
        assertFalse(listed.contains("places_mean_intensive_keywork"), "a caseload pathway has no places");
    }
}
