package org.caseload.cli;

import org.caseload.experiment.Experiment;
import picocli.CommandLine.Option;

/** {@code --seed}, {@code --threads} and {@code --max-events}, shared by every command that simulates scenarios it is given. */
final class ExecutionOptions extends ResourceOptions {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Experiment seed (default ${DEFAULT-VALUE}).")
    long seed;

    Experiment experiment() {
        return new Experiment(seed, threads, maxEvents);
    }
}
