package org.caseload.cli;

import java.nio.file.Path;
import org.caseload.batch.Slice;
import picocli.CommandLine.Option;

/** {@code --resume} and {@code --shard}, shared by run and compare. */
final class BatchOptions {
    @Option(names = "--resume", paramLabel = "DIR",
            description = "Finish the run that was writing into DIR when it stopped (killed, crashed, power cut): "
                    + "replications it had finished are read back from DIR's journal, the rest run, and the files are "
                    + "identical to an uninterrupted run. Scenarios and settings come from the record (others given are refused); --threads, --quiet and --max-events may change.")
    Path resume;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only the I-th of N equal slices of the replications into a shard folder "
                    + "(for cluster array jobs); 'caseload merge' joins all N into the full results.")
    String shard;

    @Option(names = "--event-log", paramLabel = "N", defaultValue = "0",
            description = "Also write a per-person event log of the first N replications of every scenario (default 0: none): "
                    + "events/NAME-replication-R.csv.gz, gzip-compressed CSV with the columns process-mining tools read "
                    + "(case:concept:name, concept:name, time:timestamp, org:resource, ...). Not with --shard or --precision.")
    int eventLog;

    /** Refusals that do not depend on the command. */
    void check(boolean precision) {
        if (eventLog < 0) throw new UserException("--event-log must be 0 or more (got " + eventLog + ")");
        if (eventLog > 0 && shard != null) {
            throw new UserException("--event-log is not available with --shard: log the first replications in an unsharded run");
        }
        if (eventLog > 0 && precision) throw new UserException("--event-log needs a fixed --replications count, not --precision");
    }

    Slice slice() {
        return shard == null ? Slice.WHOLE : Slice.parse(shard);
    }
}
