package org.caseload.cli;

import java.io.PrintWriter;
import org.caseload.experiment.Experiment;
import org.caseload.experiment.ScenarioResult;
import org.caseload.scenario.Scenario;
import picocli.CommandLine.Option;

/** Replication options shared by run and compare. */
final class RunOptions {
    @Option(names = "--replications", paramLabel = "N", defaultValue = "20",
            description = "Replications per scenario (default ${DEFAULT-VALUE}; at least 2 for a confidence interval).")
    int replications;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Experiment seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: number of cores). "
            + "Results are identical whatever the thread count.")
    int threads = Runtime.getRuntime().availableProcessors();

    void check() {
        if (replications < 2) throw new UserException("--replications must be at least 2 (got " + replications + ")");
        if (threads < 1) throw new UserException("--threads must be at least 1 (got " + threads + ")");
    }

    ScenarioResult replicate(Experiment experiment, Scenario scenario, PrintWriter progressOut) {
        Progress progress = new Progress(progressOut, scenario.name(), replications);
        ScenarioResult r = new ScenarioResult(scenario.name(), experiment.run(scenario, 0, replications, i -> progress.step()));
        progress.done();
        return r;
    }
}
