package org.caseload.batch;

import org.caseload.fault.InputException;

/**
 * The I-th of N disjoint, contiguous slices of a batch's replications ({@code --shard I/N}).
 * Slice i of N covers replications {@code [floor((i-1)R/N), floor(iR/N))}, so the N slices
 * cover 0..R-1 exactly once whatever R and N are. Every scenario of a comparison uses the same
 * slice, which keeps replications paired (common random numbers) inside one shard.
 *
 * @param index 1-based slice number
 * @param count number of slices
 */
public record Slice(int index, int count) {
    public Slice {
        if (count < 1 || index < 1 || index > count) {
            throw new InputException("--shard must be I/N with 1 <= I <= N (got " + index + "/" + count + ")");
        }
    }

    /** The whole batch as one slice. */
    public static final Slice WHOLE = new Slice(1, 1);

    /** Parses {@code "I/N"}; a malformed text is a user mistake. */
    public static Slice parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) throw new InputException("--shard must be I/N, e.g. 2/4 (got '" + text + "')");
        try {
            return new Slice(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new InputException("--shard must be I/N, e.g. 2/4 (got '" + text + "')");
        }
    }

    /** First replication (0-based, inclusive) of this slice out of {@code replications}. */
    public int first(int replications) {
        return (int) ((long) (index - 1) * replications / count);
    }

    /** End replication (0-based, exclusive). */
    public int end(int replications) {
        return (int) ((long) index * replications / count);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
