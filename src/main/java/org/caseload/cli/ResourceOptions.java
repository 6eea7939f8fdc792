package org.caseload.cli;

import org.caseload.experiment.Experiment;
import org.caseload.experiment.WorkLimits;
import picocli.CommandLine.Option;

/** {@code --threads} and {@code --max-events}: how much of the machine a command may use (see {@link ExecutionOptions}). */
class ResourceOptions {
    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: number of cores). "
            + "Results are identical whatever the thread count.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-events", paramLabel = "N",
            description = "Most events one replication may take (default ${DEFAULT-VALUE}); a scenario estimated to need more "
                    + "is refused before it runs, and a replication that exceeds its budget is stopped.")
    long maxEvents = WorkLimits.DEFAULT_MAX_EVENTS;

    void check() {
        if (threads < 1) throw new UserException("--threads must be at least 1 (got " + threads + ")");
        if (threads > Experiment.MAX_THREADS) {
            throw new UserException("--threads must be at most " + Experiment.MAX_THREADS + " (got " + threads + ")");
        }
        if (maxEvents < 1) throw new UserException("--max-events must be at least 1 (got " + maxEvents + ")");
    }
}
