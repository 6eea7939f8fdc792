package org.caseload.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.caseload.api.ReplicationRunner;
import org.caseload.api.Study;
import org.caseload.batch.PortableBatch;
import org.caseload.cli.Main;
import org.caseload.results.ReplicationResult;

/**
 * Runs caseload's replications on Spark executors: the replications are split into
 * partitions, each executor rebuilds the scenarios from the portable batch and runs its
 * replications on one core, and the results come back as checksummed journal lines that the
 * driver decodes to the identical numbers, so every output file is byte-identical to a run on
 * one machine. Launch with
 * {@code spark-submit --class org.caseload.spark.SparkRunner caseload.jar compare A.yaml B.yaml ...}
 * (the usual command line; {@code local[*]} when no master is given).
 */
public final class SparkRunner implements ReplicationRunner {
    private final JavaSparkContext spark;
    private final int partitions;

    /**
     * @param spark      the Spark context
     * @param partitions how many pieces to cut a batch into (at most one per replication)
     */
    public SparkRunner(JavaSparkContext spark, int partitions) {
        this.spark = spark;
        this.partitions = partitions;
    }

    @Override
    public List<List<ReplicationResult>> run(PortableBatch batch, int first, int end) {
        List<Integer> reps = IntStream.range(first, end).boxed().toList();
        int slices = Math.max(1, Math.min(reps.size(), partitions));
        List<String> lines = spark.parallelize(new ArrayList<>(reps), slices).mapPartitions(new Replications(batch)).collect();
        return batch.decode(lines, first, end);
    }

    /** One partition's replications, run on an executor. Serialisable: it carries only the portable batch. */
    static final class Replications implements FlatMapFunction<Iterator<Integer>, String> {
        private static final long serialVersionUID = 1L;
        private final PortableBatch batch;

        Replications(PortableBatch batch) {
            this.batch = batch;
        }

        @Override
        public Iterator<String> call(Iterator<Integer> reps) {
            List<Integer> mine = new ArrayList<>();
            reps.forEachRemaining(mine::add);
            return batch.runEncoded(mine.stream().mapToInt(Integer::intValue).toArray()).iterator();
        }
    }

    /** The caseload command line with its replications on Spark. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        SparkConf conf = new SparkConf().setAppName("caseload");
        if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        int code;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            // A few partitions per core keeps executors busy when replications differ in length.
            Study.useRunnerByDefault(new SparkRunner(spark, 4 * spark.defaultParallelism()));
            code = Main.commandLine().execute(args);
        }
        System.exit(code);
    }
}
