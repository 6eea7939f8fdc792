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
 * time of one warm replication, and the speed-up of a batch of replications on T threads over
 * one, as the median of rounds that alternate which goes first. Unit tests are never timed;
 * this is where speed is measured.
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

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "30", description = "Untimed replications first, to warm the JIT (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "With --threads above 1: rounds of the batch timed on one thread and on T, alternating which goes first; the speed-up is their median (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        if (replications < 1) throw new UserException("--replications must be at least 1 (got " + replications + ")");
        if (warmup < 0) throw new UserException("--warmup must be 0 or more (got " + warmup + ")");
        if (rounds < 1) throw new UserException("--rounds must be at least 1 (got " + rounds + ")");
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

        if (threads > 1) {
            // The warm-up again, untimed, on T threads, so that the rounds time warm worker
            // code: without it round 1 was the lowest of its run in four of eight runs.
            if (warmup > 0) {
                try (Experiment e = new Experiment(streams, threads, execution.maxEvents)) {
                    e.run(s, 10_000, 10_000 + warmup, r -> { });
                }
            }
            // One round times the batch on one worker thread and on T, through the same code;
            // rounds alternate which goes first, so a drift of the machine's speed does not
            // favour either, and the median of the rounds' ratios is the figure.
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                boolean parallelFirst = round % 2 == 0;
                double a = batchSeconds(streams, s, parallelFirst ? threads : 1);
                double b = batchSeconds(streams, s, parallelFirst ? 1 : threads);
                double serial = parallelFirst ? b : a;
                double parallel = parallelFirst ? a : b;
                ratios[round] = serial / parallel;
                out.printf("round %d: 1 thread %.3f s, %d threads %.3f s, speed-up %.2fx%n",
                        round + 1, serial, threads, parallel, ratios[round]);
            }
            double[] sorted = ratios.clone();
            java.util.Arrays.sort(sorted);
            double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
            out.printf("%d threads: speed-up %.2fx over one thread (median of %d round%s, %.2f-%.2fx)%n",
                    threads, median, rounds, rounds == 1 ? "" : "s", sorted[0], sorted[rounds - 1]);
        }
        Runtime rt = Runtime.getRuntime();
        out.printf("heap in use after the runs: %.1f MB (max %.0f MB)%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
        out.flush();
        return 0;
    }

    /** Wall seconds for the batch of {@link #replications} on {@code threads} worker threads. */
    private double batchSeconds(RandomStreams streams, Scenario s, int threads) {
        try (Experiment e = new Experiment(streams, threads, execution.maxEvents)) {
            long t0 = System.nanoTime();
            e.run(s, 0, replications, r -> { });
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
