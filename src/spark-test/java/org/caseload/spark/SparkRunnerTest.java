package org.caseload.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.caseload.api.Study;
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
}
