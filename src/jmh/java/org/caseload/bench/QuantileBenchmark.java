package org.caseload.bench;

import java.util.concurrent.TimeUnit;
import org.caseload.engine.Mrg32k3a;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Distribution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.probdist.GammaDist;
import umontreal.ssj.rng.MRG32k3a;

/**
 * One duration drawn by inversion, ns each: the gamma of Leeds' rehab episodes (shape 6, mean
 * 120 days) by the model's {@code Distribution.Gamma} and by SSJ's root finder (what the model
 * used before), with the lognormal and exponential durations for scale. The uniforms cycle
 * through 4,096 drawn once. {@code uniform} is one draw of a client's own MRG32k3a stream, the
 * model's generator, for the cost of the uniforms themselves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class QuantileBenchmark {
    private static final int N = 4096;
    private final double[] u = new double[N];
    private int i;
    private final Distribution gamma = new Distribution.Gamma(6, 120);
    private final Distribution lognormal = Distribution.Lognormal.ofMedian(150, 0.6);
    private final Distribution exponential = new Distribution.Exponential(30);
    private final Mrg32k3a stream = RandomStreams.fromSeed(1).sequence(0, 0).next();

    @Setup
    public void draw() {
        MRG32k3a s = RandomStreams.fromSeed(1).stream(0, 0);
        for (int k = 0; k < N; k++) u[k] = s.nextDouble();
    }

    private double next() {
        return u[i++ & (N - 1)];
    }

    @Benchmark
    public double gamma() {
        return gamma.quantile(next());
    }

    @Benchmark
    public double gammaBySsjRootFinder() {
        return GammaDist.inverseF(6, 6 / 120.0, 15, next());
    }

    @Benchmark
    public double lognormal() {
        return lognormal.quantile(next());
    }

    @Benchmark
    public double uniform() {
        return stream.nextDouble();
    }

    @Benchmark
    public double exponential() {
        return exponential.quantile(next());
    }
}
