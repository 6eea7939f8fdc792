package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national indicator (completion and non-representation) counts people who leave treatment
 * having completed it, not pathways completed on the way: where half of intensive keywork's
 * completers move on to long-arm prescribing, its completions are exactly the successful
 * exits, while the pathway completions (successful_completions_per_year) are more.
 */
class CompletionIndicatorTest {
    @Test
    void aCompletionThatMovesOnIsNotAnIndicatorCompletion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("onward.yaml");
        Files.writeString(file, "name: onward\nextends: " + Path.of("scenarios/leeds.yaml").toAbsolutePath() + "\n"
                + "pathways:\n  intensive_keywork:\n    on_completion: {recovery_community: 0.4, long_arm_prescribing: 0.5}\n");
        Scenario s = ScenarioReader.load(file, List.of("horizon_months=24", "warmup_months=12")).scenario();
        TreatmentSystem system = new TreatmentSystem(s, RandomStreams.fromSeed(4), 0);
        system.run();
        Recorder recorder = (Recorder) field(TreatmentSystem.class, "recorder").get(system);
        CompletionIndicator completionIndicator = (CompletionIndicator) field(Recorder.class, "indicator").get(recorder);
        int[][] indicator = (int[][]) field(CompletionIndicator.class, "completions").get(completionIndicator);
        Counter[] successful = (Counter[]) field(Recorder.class, "successfulExitsByGroup").get(recorder);
        Counter pathwayCompletions = (Counter) field(Recorder.class, "completions").get(recorder);
        double exits = 0;
        for (Counter c : successful) exits += c.total();
        int counted = 0;
        for (int[] year : indicator) for (int n : year) counted += n;
        assertTrue(exits > 1000, "successful exits: " + exits);
        assertEquals(exits, counted, "the indicator's completions are the successful exits");
        assertTrue(pathwayCompletions.total() > exits + 200, "completions that moved on: " + (pathwayCompletions.total() - exits));
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
