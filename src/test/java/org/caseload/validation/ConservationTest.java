package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.model.TreatmentSystem;
import org.caseload.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conservation of clients: at every audit point, everyone created (referred or in the
 * initial caseload) is somewhere — waiting for or in assessment, waiting for or in a
 * pathway, out and due to re-present, or gone for good.
 */
class ConservationTest {
    @ParameterizedTest
    @ValueSource(strings = {"scenarios/leeds.yaml", "scenarios/leeds-cut-50.yaml", "scenarios/south-tees-hat.yaml",
            "src/test/resources/validation/network.yaml"})
    void everyClientIsAccountedForAtEveryMoment(String file) {
        Scenario s = load(Path.of(file), "horizon_months=36");
        for (int rep = 0; rep < 2; rep++) {
            TreatmentSystem system = new TreatmentSystem(s, RandomStreams.fromSeed(401), rep);
            List<TreatmentSystem.Census> seen = new ArrayList<>();
            system.audit(7, seen::add);
            system.run();
            assertTrue(seen.size() > 100, "too few audit points");
            for (TreatmentSystem.Census c : seen) assertEquals(c.created(), c.accountedFor(), file + ": " + c);
            TreatmentSystem.Census last = seen.get(seen.size() - 1);
            assertTrue(last.gone() > 0 && last.inPathway() > 0, file + ": " + last);
        }
    }
}
