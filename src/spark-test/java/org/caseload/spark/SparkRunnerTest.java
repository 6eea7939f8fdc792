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
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
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
            InputException e = assertThrows(InputException.class, () -> new SparkRunner(spark, 1).run(fromAnother, 0, 1, (s, r) -> { }));
            assertTrue(e.getMessage().startsWith("this worker was sent a batch by a different build of caseload (build 0123456789ab; "),
                    e.getMessage());
        }
    }
}
