package org.caseload.cli;

import picocli.CommandLine.Option;

/** {@code --seed} and {@code --threads}, shared by every command that simulates. */
final class ExecutionOptions {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Experiment seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: number of cores). "
            + "Results are identical whatever the thread count.")
    int threads = Runtime.getRuntime().availableProcessors();

    void check() {
        if (threads < 1) throw new UserException("--threads must be at least 1 (got " + threads + ")");
    }
}
