package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caseload.engine.RandomStreams;
import org.caseload.experiment.Experiment;
import org.caseload.experiment.WorkLimits;
import org.caseload.model.TreatmentSystem;
import org.caseload.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caseload bench}: measures engine throughput (events per second on one core), the
 * time of one warm replication, and wall time for a batch of replications at 1 and at T
 * threads. Unit tests are never timed; this is where speed is measured.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure simulation speed: events/s on one thread, seconds per replication, scaling over threads.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "SCENARIO")
    Path file;

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Option(names = "--replications", paramLabel = "N", defaultValue = "40", description = "Replications per timed batch (default ${DEFAULT-VALUE}).")
    int replications;

    /** {@code --threads} is the parallel batch's; {@code --seed} and {@code --max-events} as everywhere. */
    @Mixin
    ExecutionOptions execution = new ExecutionOptions();

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10", description = "Untimed replications first, to warm the JIT (default ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() {
        if (replications < 1) throw new UserException("--replications must be at least 1 (got " + replications + ")");
        if (warmup < 0) throw new UserException("--warmup must be 0 or more (got " + warmup + ")");
        execution.check();
        int threads = execution.threads;
        Scenario s = scenarioOptions.load(java.util.List.of(file)).get(0).scenario();
        WorkLimits.checkHeld(java.util.List.of(s), replications, WorkLimits.heapBytes());
        WorkLimits.EventBudget budget = WorkLimits.budget(s, execution.maxEvents);
        PrintWriter out = spec.commandLine().getOut();
        RandomStreams streams = RandomStreams.fromSeed(execution.seed);
        for (int r = 0; r < warmup; r++) new TreatmentSystem(s, streams, 10_000 + r).limitEvents(budget.events(), budget.origin()).run();

        long events = 0;
        long scheduled = 0;
        long cancelled = 0;
        // CPU time of this thread too: on a shared machine wall time counts other people's work.
        java.lang.management.ThreadMXBean threadTimes = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threadTimes.isCurrentThreadCpuTimeSupported();
        long c0 = cpuTimed ? threadTimes.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < replications; r++) {
            TreatmentSystem sys = new TreatmentSystem(s, streams, r).limitEvents(budget.events(), budget.origin());
            sys.run();
            events += sys.eventsExecuted();
            scheduled += sys.eventsScheduled();
            cancelled += sys.eventsCancelled();
        }
        double single = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuTimed ? (threadTimes.getCurrentThreadCpuTime() - c0) / 1e9 : Double.NaN;
        out.printf("scenario %s: %d replications, %d months + %d warm-up%n", s.name(), replications, s.horizonMonths(), s.warmupMonths());
        out.printf("one thread: %.3f s total, %.4f s per replication, %.0f events per replication, %.2f million events/s%n",
                single, single / replications, (double) events / replications, events / single / 1e6);
        out.printf("events scheduled per replication: %.0f, of which cancelled before their time: %.0f (%.1f%%)%n",
                (double) scheduled / replications, (double) cancelled / replications, 100.0 * cancelled / Math.max(1, scheduled));
        if (cpuTimed) {
            out.printf("one thread, CPU time: %.3f s total, %.4f s per replication, %.2f million events per CPU second%n",
                    cpu, cpu / replications, events / cpu / 1e6);
        }

        double parallel;
        try (Experiment e = new Experiment(streams, threads, execution.maxEvents)) {
            long t1 = System.nanoTime();
            e.run(s, 0, replications, r -> { });
            parallel = (System.nanoTime() - t1) / 1e9;
        }
        out.printf("%d threads: %.3f s total, speed-up %.2fx over one thread%n", threads, parallel, single / parallel);
        Runtime rt = Runtime.getRuntime();
        out.printf("heap in use after the runs: %.1f MB (max %.0f MB)%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
        out.flush();
        return 0;
    }
}
