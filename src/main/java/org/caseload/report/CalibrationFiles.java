package org.caseload.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.caseload.experiment.Calibration;
import org.caseload.scenario.CalibrationTargets.Parameter;
import org.caseload.scenario.CalibrationTargets.Target;
import org.caseload.scenario.CalibrationTargets;
import org.caseload.scenario.YamlTree;
import org.caseload.stats.ConfidenceInterval;

/**
 * The files of {@code caseload calibrate}: calibrated.yaml (the whole resolved scenario with
 * the fitted values), calibration.csv (targets against simulated means) and parameters.csv.
 */
public final class CalibrationFiles {
    private CalibrationFiles() {
    }

    /** " (a whole number: rounded to the nearest at every evaluation)" after a parameter that calibration rounds, else nothing. */
    public static String wholeNote(Parameter p) {
        return p.whole() ? " (a whole number: rounded to the nearest at every evaluation)" : "";
    }

    public static void write(Path dir, Path scenarioFile, Path targetsFile, long seed, CalibrationTargets spec,
                             Calibration.Result result) {
        List<Target> targets = spec.targets();
        List<Parameter> params = spec.parameters();
        double[] best = result.best();
        try {
            JsonNode tree = Calibration.trial(scenarioFile, result.fitted()).toJson();
            StringBuilder header = new StringBuilder("# Calibrated from " + scenarioFile + " with caseload calibrate --targets "
                    + targetsFile + " (seed " + seed + ").\n# Fitted parameters:\n");
            for (int i = 0; i < params.size(); i++) {
                header.append("#   ").append(params.get(i).path()).append(": ").append(Numbers.format(params.get(i).initial()))
                        .append(" -> ").append(Numbers.format(best[i])).append(wholeNote(params.get(i))).append('\n');
            }
            header.append("# See calibration.csv for the targets against the simulated figures.\n");
            Files.writeString(dir.resolve("calibrated.yaml"), header + YamlTree.write(tree), StandardCharsets.UTF_8);
            try (CSVPrinter p = RunFiles.printer(dir.resolve("calibration.csv"), "metric", "target", "tolerance_pct",
                    "tolerance_abs", "simulated_mean", "ci_low", "ci_high", "n", "within_tolerance")) {
                for (Target t : targets) {
                    ConfidenceInterval ci = ConfidenceInterval.student(result.fit().values(t.metric()), 0.95);
                    p.printRecord(t.metric(), Numbers.format(t.value()), optional(t.tolerancePct()), optional(t.toleranceAbs()),
                            Numbers.format(ci.mean()), Numbers.format(ci.low()), Numbers.format(ci.high()), ci.n(),
                            Math.abs(ci.mean() - t.value()) <= t.tolerance());
                }
            }
            try (CSVPrinter p = RunFiles.printer(dir.resolve("parameters.csv"), "path", "initial", "calibrated", "min", "max")) {
                for (int i = 0; i < params.size(); i++) {
                    Parameter pa = params.get(i);
                    p.printRecord(pa.path(), Numbers.format(pa.initial()), Numbers.format(best[i]), Numbers.format(pa.min()),
                            Numbers.format(pa.max()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tolerance that was not given is left empty. */
    private static String optional(double v) {
        return Double.isNaN(v) ? "" : Numbers.format(v);
    }
}
