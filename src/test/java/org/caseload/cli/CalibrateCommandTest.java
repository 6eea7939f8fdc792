package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        for (String row : params.subList(1, params.size())) {
            String[] f = row.split(",");
            double fitted = Double.parseDouble(f[2]);
            assertTrue(fitted >= Double.parseDouble(f[3]) && fitted <= Double.parseDouble(f[4]), "outside bounds: " + row);
        }
        // The calibrated scenario is a complete scenario file carrying the fitted values.
        Scenario s = ScenarioReader.load(out.resolve("calibrated.yaml"), List.of()).scenario();
        assertEquals("medway", s.name());
        double rate = Double.parseDouble(params.get(1).split(",")[2]);
        assertEquals(rate, s.arrivals().ratePerMonth(), 1e-6);
        assertTrue(Files.readString(out.resolve("calibrated.yaml")).startsWith("# Calibrated from scenarios/medway.yaml"));
    }

    @Test
    void badTargetsFileIsAUserError(@TempDir Path dir) throws IOException {
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, "targets:\n  - {metric: in_treatment_men, value: 1, tolerance_pct: 5}\nparameters: []\n");
        BadInputTest.Outcome o = BadInputTest.execute("calibrate", "scenarios/medway.yaml", "--targets", t.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("t.yaml:2:14: targets.0.metric: unknown metric 'in_treatment_men'; did you mean 'in_treatment_mean'?"), o.err());
    }
}
