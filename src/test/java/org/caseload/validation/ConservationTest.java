package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.model.TreatmentSystem;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /**
     * After every single event, under mortality high enough that people die in every stage
     * (waiting for assessment, in assessment's queue, waiting for a place, in a pathway, out
     * and due back): everyone is accounted for and no count is negative. A weekly audit can
     * miss a state that is wrong only between two events; this cannot.
     */
    @ParameterizedTest
    @CsvSource({"scenarios/leeds.yaml, opiate non_opiate non_opiate_and_alcohol alcohol",
            "src/test/resources/validation/network.yaml, default"})
    void everyClientIsAccountedForAfterEveryEventUnderHighMortality(String file, String groupKeys) {
        List<String> overrides = new ArrayList<>(List.of("horizon_months=12", "warmup_months=6", "assessment.service_days.mean=10"));
        for (String g : groupKeys.split(" ")) {
            overrides.add("mortality.in_treatment_per_1000_py." + g + "=400");
            overrides.add("mortality.out_of_treatment_per_1000_py." + g + "=900");
        }
        Scenario s = load(Path.of(file), overrides.toArray(String[]::new));
        TreatmentSystem system = new TreatmentSystem(s, RandomStreams.fromSeed(402), 0);
        long[] checks = {0};
        system.auditEveryEvent(c -> {
            checks[0]++;
            if (c.created() != c.accountedFor() || c.waitingAssessment() < 0 || c.inAssessment() < 0 || c.waitingPathway() < 0
                    || c.inPathway() < 0 || c.awaitingReturn() < 0) {
                throw new AssertionError(file + " after event " + checks[0] + ": " + c);
            }
        });
        var r = system.run();
        assertEquals(system.eventsExecuted(), checks[0], "one check per event");
        assertTrue(r.metric(Metrics.DEATHS_IN_TREATMENT_PER_YEAR) > 10 && r.metric(Metrics.DEATHS_AFTER_EXIT_PER_YEAR) > 10,
                file + ": too few deaths to test " + r.metrics());
    }
}
