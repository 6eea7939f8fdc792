package org.caseload.cli;

import java.nio.file.Path;
import org.caseload.batch.Slice;
import picocli.CommandLine.Option;

/** {@code --resume} and {@code --shard}, shared by run and compare. */
final class BatchOptions {
    @Option(names = "--resume", paramLabel = "DIR",
            description = "Finish the run that was writing into DIR when it stopped (killed, crashed, power cut): "
                    + "replications it had finished are read back from DIR's journal, the rest run, and the files are "
                    + "identical to an uninterrupted run. Scenarios and settings come from the record; --threads may change.")
    Path resume;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only the I-th of N equal slices of the replications into a shard folder "
                    + "(for cluster array jobs); 'caseload merge' joins all N into the full results.")
    String shard;

    Slice slice() {
        return shard == null ? Slice.WHOLE : Slice.parse(shard);
    }
}
