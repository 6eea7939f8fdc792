package org.caseload.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.storage.StorageLevel;
import org.caseload.api.ReplicationRunner;
import org.caseload.api.Study;
import org.caseload.batch.Journal;
import org.caseload.batch.PortableBatch;
import org.caseload.experiment.Experiment;
import org.caseload.cli.Main;
import org.caseload.fault.CaseloadException;

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
    /** The most replications in one partition: what the driver holds at once. */
    static final int MOST_PER_PARTITION = 64;
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

    /**
     * Every partition is computed at once on the executors, which keep their results (memory, or
     * disk); the driver then takes them back one partition at a time, in order
     * ({@code toLocalIterator}), and hands each replication on as it decodes it. It holds one
     * partition, at most {@value #MOST_PER_PARTITION} replications, whatever the size of the batch.
     */
    @Override
    public void run(PortableBatch batch, int first, int end, Experiment.Sink results) {
        List<Integer> reps = IntStream.range(first, end).boxed().toList();
        int slices = Math.max(1, Math.min(reps.size(),
                Math.max(partitions, (reps.size() + MOST_PER_PARTITION - 1) / MOST_PER_PARTITION)));
        JavaRDD<String> computed = spark.parallelize(new ArrayList<>(reps), slices).mapPartitions(new Replications(batch))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            computed.count();
            handOn(computed.toLocalIterator(), batch.scenarios(), first, reps.size(), results);
        } catch (Exception e) { // Spark's SparkException is checked, and thrown undeclared
            CaseloadException refused = refusal(e);
            if (refused != null) throw refused;
            throw e;
        } finally {
            computed.unpersist();
        }
    }

    /**
     * What an executor refused, as the driver's own refusal: Spark hands back a failed task's
     * exception as the cause of its own, so a batch refused by an executor (sent by another
     * build of caseload, say) is one line and exit code 2 or 3, not an internal error. Null if
     * no executor refused anything.
     */
    static CaseloadException refusal(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CaseloadException refused) return refused;
        }
        return null;
    }

    /** Decodes the lines, replication by replication and every scenario's in turn, checking each is in its place. */
    private static void handOn(Iterator<String> lines, int scenarios, int first, int replications, Experiment.Sink results) {
        int next = 0;
        while (lines.hasNext()) {
            Journal.Entry e = PortableBatch.decode(lines.next());
            int expected = first + next / scenarios;
            if (e.scenario() != next % scenarios || e.result().replication() != expected) {
                throw new IllegalStateException("replication " + (expected + 1) + " of scenario " + (next % scenarios + 1)
                        + " did not come back in its place");
            }
            results.accept(e.scenario(), e.result());
            next++;
        }
        if (next != replications * scenarios) {
            throw new IllegalStateException("only " + next + " results came back of " + replications * scenarios);
        }
    }

    /**
     * One partition's replications, run on an executor, or the executor's refusal of the batch as
     * a line ({@link PortableBatch#refusalLine}). Serialisable: it carries only the portable batch.
     */
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
            try {
                return batch.runEncoded(mine.stream().mapToInt(Integer::intValue).toArray()).iterator();
            } catch (CaseloadException refused) {
                // The task's answer, not its failure: Spark would log a failed task with its stack
                // trace and run it again, and a refusal is the same every time.
                return List.of(PortableBatch.refusalLine(refused)).iterator();
            }
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
