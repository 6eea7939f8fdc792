package org.caseload.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.api.java.JavaSparkContext;
import org.caseload.BuildId;
import org.caseload.api.Study;
import org.caseload.batch.PortableBatch;
import org.caseload.fault.InputException;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison on Spark local[2] writes the same bytes as the plain runner. */
class SparkRunnerTest {
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    static Study study() {
        return Study.compare(Path.of("scenarios/leeds.yaml"), Path.of("scenarios/leeds-cut-10.yaml"))
                .set("horizon_months", 24).set("warmup_months", 12).replications(6).seed(3);
    }

    @Test
    void sparkLocalGivesTheSameFilesAsThePlainRunner(@TempDir Path dir) throws IOException {
        Path onSpark = dir.resolve("spark");
        SparkConf conf = new SparkConf().setAppName("caseload-test").setMaster("local[2]").set("spark.ui.enabled", "false");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            // 4 partitions for 6 replications: uneven pieces, gathered back in order.
            study().runner(new SparkRunner(spark, 4)).execute().write(onSpark);
        }
        Path plain = dir.resolve("plain");
        study().threads(2).execute().write(plain);

        List<String> files = listing(plain);
        assertTrue(files.contains("report.html") && files.contains("comparison.csv"), files.toString());
        assertEquals(files, listing(onSpark));
        for (String f : files) assertEquals(-1, Files.mismatch(plain.resolve(f), onSpark.resolve(f)), f + " differs");
    }

    /**
     * An executor refuses a batch sent by another build of caseload (PortableBatchTest); the
     * driver reports that refusal as it is, one line with exit code 2, not as Spark's task failure
     * (an internal error with a stack trace).
     */
    @Test
    void aBatchAnExecutorRefusesIsRefusedByTheDriver() throws Exception {
        ScenarioReader.Loaded base = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of("horizon_months=12",
                "warmup_months=6"));
        String other = "0123456789ab" + "c".repeat(52);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new PortableBatch(List.of(base.tree()), 5, false));
        }
        String latin = bytes.toString(StandardCharsets.ISO_8859_1);
        assertTrue(latin.contains(BuildId.current()));
        PortableBatch fromAnother;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(
                latin.replace(BuildId.current(), other).getBytes(StandardCharsets.ISO_8859_1)))) {
            fromAnother = (PortableBatch) in.readObject();
        }
        SparkConf conf = new SparkConf().setAppName("caseload-test").setMaster("local[1]").set("spark.ui.enabled", "false");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            Tasks tasks = new Tasks();
            spark.sc().addSparkListener(tasks);
            InputException e = assertThrows(InputException.class, () -> new SparkRunner(spark, 1).run(fromAnother, 0, 1, (s, r) -> { }));
            assertTrue(e.getMessage().startsWith("this worker was sent a batch by a different build of caseload (build 0123456789ab; "),
                    e.getMessage());
            // The refusal comes back as the task's answer: a failed task is logged by Spark with a
            // stack trace (and retried on a cluster), though the answer would be the same each time.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!tasks.settled() && System.nanoTime() < deadline) Thread.sleep(10);
            assertTrue(tasks.settled(), "the tasks' ends were not reported");
            assertEquals(0, tasks.failed.get(), "an executor's refusal must not fail its task");
        }
    }

    /** Counts the tasks started, ended and failed (Spark tells listeners on its own thread). */
    private static final class Tasks extends SparkListener {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger ended = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public void onTaskStart(SparkListenerTaskStart start) {
            started.incrementAndGet();
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (!(end.reason() instanceof Success$)) failed.incrementAndGet();
            ended.incrementAndGet();
        }

        /** Every task started has ended, and there was at least one. */
        boolean settled() {
            return ended.get() > 0 && ended.get() == started.get();
        }
    }
}
