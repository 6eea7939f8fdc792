package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
    @Test
    void calibratesMedwayAndWritesALoadableScenario(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cal");
        BadInputTest.Outcome o = BadInputTest.execute("calibrate", "scenarios/medway.yaml", "--targets",
                "scenarios/targets/medway.yaml", "--replications", "3", "--max-evaluations", "12", "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        List<String> table = Files.readAllLines(out.resolve("calibration.csv"));
        assertEquals("metric,target,tolerance_pct,tolerance_abs,simulated_mean,ci_low,ci_high,n,within_tolerance", table.get(0));
        assertEquals(6, table.size(), "one row per target");
        List<String> params = Files.readAllLines(out.resolve("parameters.csv"));
        assertEquals(4, params.size());
        // The calibrated scenario is a complete scenario file carrying the fitted values.
        Scenario s = ScenarioReader.load(out.resolve("calibrated.yaml"), List.of()).scenario();
        assertEquals("medway", s.name());
        double rate = Double.parseDouble(params.get(1).split(",")[2]);
        assertEquals(rate, s.arrivals().ratePerMonth(), 1e-6);
        assertTrue(Files.readString(out.resolve("calibrated.yaml")).startsWith("# Calibrated from scenarios/medway.yaml"));
    }

    /**
     * Calibration finds its way: Medway with far too few new referrals (45 a month instead of
     * the fitted 63) against its own caseload of 1,208 must raise the rate and bring people in
     * treatment closer to the target. (Staying inside the parameter bounds, or never doing
     * worse than the starting point, would hold whatever the objective said.)
     */
    @Test
    void calibrationMovesAWrongParameterTowardsTheTarget(@TempDir Path dir) throws IOException {
        Path low = dir.resolve("medway-low.yaml");
        Files.writeString(low, "extends: " + Path.of("scenarios/medway.yaml").toAbsolutePath()
                + "\nhorizon_months: 12\nwarmup_months: 36\narrivals: {rate_per_month: 45}\n");
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, """
                targets:
                  - {metric: in_treatment_mean, value: 1208, tolerance_pct: 5}
                parameters:
                  - {path: arrivals.rate_per_month, min: 30, max: 120}
                """);
        BadInputTest.Outcome o = BadInputTest.execute("calibrate", low.toString(), "--targets", t.toString(),
                "--replications", "2", "--max-evaluations", "16", "--out", dir.resolve("cal").toString());
        assertEquals(0, o.exit(), o.err());
        double fitted = Double.parseDouble(Files.readAllLines(dir.resolve("cal/parameters.csv")).get(1).split(",")[2]);
        String row = Files.readAllLines(dir.resolve("cal/calibration.csv")).get(1);
        double simulated = Double.parseDouble(row.split(",")[4]);
        assertTrue(fitted > 52, "the rate should rise from 45 towards ~63, got " + fitted);
        assertTrue(Math.abs(simulated - 1208) < 0.1 * 1208, "in treatment should come within 10% of 1,208: " + row);
    }

    @Test
    void badTargetsFileIsAUserError(@TempDir Path dir) throws IOException {
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, "targets:\n  - {metric: in_treatment_men, value: 1, tolerance_pct: 5}\nparameters: []\n");
        BadInputTest.Outcome o = BadInputTest.execute("calibrate", "scenarios/medway.yaml", "--targets", t.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("t.yaml:2:14: targets.0.metric: unknown metric 'in_treatment_men'; did you mean 'in_treatment_mean'?"), o.err());
    }

    /** Medway over one year from its initial caseload: enough to calibrate against, quick to run. */
    private static Path shortMedway(Path dir) throws IOException {
        Path f = dir.resolve("medway-short.yaml");
        Files.writeString(f, "extends: " + Path.of("scenarios/medway.yaml").toAbsolutePath() + "\nhorizon_months: 12\nwarmup_months: 0\n");
        return f;
    }

    private static BadInputTest.Outcome calibrate(Path dir, String targets) throws IOException {
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, targets);
        return BadInputTest.execute("calibrate", shortMedway(dir).toString(), "--targets", t.toString(), "--replications", "2",
                "--max-evaluations", "6", "--out", dir.resolve("cal").toString());
    }

    @Test
    void aTargetOfZeroNeedsAnAbsoluteTolerance(@TempDir Path dir) throws IOException {
        BadInputTest.Outcome o = calibrate(dir, """
                targets:
                  - {metric: waiting_list_mean, value: 0, tolerance_pct: 5}
                parameters:
                  - {path: arrivals.rate_per_month, min: 40, max: 90}
                """);
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains(dir.resolve("t.yaml") + ":2:58: targets.0.tolerance_pct: a target of 0 needs an absolute "
                + "tolerance"), o.err());
        BoundedWorkTest.assertOneCleanLine(o.err(), "target 0");
        assertFalse(Files.exists(dir.resolve("cal")));
    }

    @Test
    void aTargetOfZeroWithAnAbsoluteToleranceCalibrates(@TempDir Path dir) throws IOException {
        BadInputTest.Outcome o = calibrate(dir, """
                targets:
                  - {metric: deaths_while_waiting_per_year, value: 0, tolerance_abs: 0.5}
                  - {metric: in_treatment_mean, value: 1208, tolerance_pct: 5}
                parameters:
                  - {path: arrivals.rate_per_month, min: 40, max: 90}
                """);
        assertEquals(0, o.exit(), o.err());
        List<String> table = Files.readAllLines(dir.resolve("cal").resolve("calibration.csv"));
        assertTrue(table.get(1).startsWith("deaths_while_waiting_per_year,0,,0.5,"), table.get(1));
        assertTrue(table.get(2).startsWith("in_treatment_mean,1208,5,,"), table.get(2));
    }

    @Test
    void aWholeNumberParameterIsRoundedAtEveryEvaluation(@TempDir Path dir) throws IOException {
        BadInputTest.Outcome o = calibrate(dir, """
                targets:
                  - {metric: assessment_queue_wait_days_mean, value: 3, tolerance_pct: 50}
                parameters:
                  - {path: assessment.workers, min: 1, max: 30}
                """);
        assertEquals(0, o.exit(), o.err());
        String row = Files.readAllLines(dir.resolve("cal").resolve("parameters.csv")).get(1);
        double fitted = Double.parseDouble(row.split(",")[2]);
        assertEquals(Math.rint(fitted), fitted, "not a whole number: " + row);
        Scenario s = ScenarioReader.load(dir.resolve("cal").resolve("calibrated.yaml"), List.of()).scenario();
        assertEquals((int) fitted, s.assessment().workers());
        assertTrue(o.out().contains("assessment.workers = " + (int) fitted + " (was ") && o.out().contains("whole number"), o.out());
    }

    @Test
    void parametersTheScenarioCannotTakeAreRefusedAtTheirLine(@TempDir Path dir) throws IOException {
        BadInputTest.Outcome notANumber = calibrate(dir, """
                targets:
                  - {metric: in_treatment_mean, value: 1208, tolerance_pct: 5}
                parameters:
                  - {path: clients.ready_to_change, min: 0, max: 1}
                """);
        assertEquals(2, notANumber.exit(), notANumber.err());
        assertTrue(notANumber.err().contains("t.yaml:4:12: parameters.0.path: 'clients.ready_to_change' is a section in the "
                + "scenario, not a number"), notANumber.err());
        BadInputTest.Outcome beyond = calibrate(dir, """
                targets:
                  - {metric: in_treatment_mean, value: 1208, tolerance_pct: 5}
                parameters:
                  - {path: after_exit.relapse_after_completion.probability.default, min: 0.1, max: 1.5}
                """);
        assertEquals(2, beyond.exit(), beyond.err());
        assertTrue(beyond.err().contains("t.yaml:4:84: parameters.0.max: the scenario does not accept 1.5 for "
                + "after_exit.relapse_after_completion.probability.default: must be a probability between 0 and 1"), beyond.err());
        BadInputTest.Outcome twice = calibrate(dir, """
                targets:
                  - {metric: in_treatment_mean, value: 1208, tolerance_pct: 5}
                parameters:
                  - {path: arrivals.rate_per_month, min: 50, max: 90}
                  - {path: arrivals.rate_per_month, min: 50, max: 90}
                """);
        assertEquals(2, twice.exit(), twice.err());
        assertTrue(twice.err().contains("t.yaml:5:12: parameters.1.path: 'arrivals.rate_per_month' is already a parameter above"),
                twice.err());
        BadInputTest.Outcome fraction = calibrate(dir, """
                targets:
                  - {metric: in_treatment_mean, value: 1208, tolerance_pct: 5}
                parameters:
                  - {path: assessment.workers, min: 1.5, max: 30}
                """);
        assertEquals(2, fraction.exit(), fraction.err());
        assertTrue(fraction.err().contains("parameters.0.min: 'assessment.workers' is a whole number"), fraction.err());
        assertFalse(Files.exists(dir.resolve("cal")));
    }
}
