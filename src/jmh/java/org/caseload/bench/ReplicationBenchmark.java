package org.caseload.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caseload.engine.RandomStreams;
import org.caseload.model.TreatmentSystem;
import org.caseload.results.ReplicationResult;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole replication of a shipped scenario (default Leeds: 144 months of warm-up and 60
 * reported), on one thread, warm. Each call runs the next replication index, as a batch does.
 * Run from the repository root, so that the scenario path resolves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ReplicationBenchmark {
    @Param("scenarios/leeds.yaml")
    String scenario;

    private Scenario loaded;
    private final RandomStreams streams = RandomStreams.fromSeed(1);
    private int replication;

    @Setup
    public void load() {
        loaded = ScenarioReader.load(Path.of(scenario), List.of()).scenario();
    }

    @Benchmark
    public ReplicationResult replication() {
        return new TreatmentSystem(loaded, streams, replication++ % 1000).run();
    }
}
