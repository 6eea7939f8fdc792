package org.caseload.model;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;

/** The parts a replication of {@code scenario} wires, as they stand at time 0, for tests of seeding. */
record ModelParts(Scenario scenario, Pathways pathways, Routing routing, Episodes episodes, AfterExit afterExit,
                  Mortality mortality) {

    static ModelParts of(Path file, String... overrides) {
        return of(ScenarioReader.load(file, List.of(overrides)).scenario());
    }

    static ModelParts of(Scenario s) {
        TreatmentSystem system = new TreatmentSystem(s, RandomStreams.fromSeed(1), 0);
        return new ModelParts(s, field(system, "pathways"), field(system, "routing"), field(system, "episodes"),
                field(system, "afterExit"), field(system, "mortality"));
    }

    Histories histories() {
        return Histories.of(scenario, pathways.all(), routing, episodes, afterExit, mortality);
    }

    SeedingPlan plan() {
        return SeedingPlan.workOut(scenario, pathways, routing, episodes, afterExit, mortality);
    }

    PathwayState pathway(String name) {
        return pathways.byName().get(name);
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(TreatmentSystem system, String name) {
        try {
            Field f = TreatmentSystem.class.getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(system);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
