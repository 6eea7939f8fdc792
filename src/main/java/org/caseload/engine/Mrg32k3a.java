package org.caseload.engine;

/**
 * L'Ecuyer's MRG32k3a combined multiple recursive generator (Operations Research 47(1), 1999),
 * the generator behind SSJ's {@code MRG32k3a}, reduced to what a client's stream needs: a
 * state of six numbers and {@link #nextDouble}. It gives exactly SSJ's numbers from the same
 * state (a unit test compares them), so common random numbers and every output are unchanged.
 *
 * <p>Why not SSJ's class: every client has a stream of its own, and creating one there meant
 * cloning a prototype with several arrays and validating the seed (a measurable share of a
 * replication); this one is a single small object whose state is set straight from
 * {@link RandomStreams}' jump-ahead. Not thread-safe; one owner at a time.
 *
 * <p>Not final: an {@link Entity} is its own stream, so a client's draws read the memory the
 * client already occupies instead of a second object elsewhere on the heap.
 */
public class Mrg32k3a {
    private static final long M1 = RandomStreams.M1;
    private static final long M2 = RandomStreams.M2;
    private static final long A12 = 1403580;
    private static final long A13N = 810728;
    private static final long A21 = 527612;
    private static final long A23N = 1370589;
    /** 1/(m1 + 1): maps the combined value into (0, 1). */
    private static final double NORM = 2.328306549295727688e-10;

    private long s10;
    private long s11;
    private long s12;
    private long s20;
    private long s21;
    private long s22;

    /** @param state six values as {@link RandomStreams#state} returns them */
    Mrg32k3a(long[] state) {
        s10 = state[0];
        s11 = state[1];
        s12 = state[2];
        s20 = state[3];
        s21 = state[4];
        s22 = state[5];
    }

    Mrg32k3a(long a, long b, long c, long d, long e, long f) {
        s10 = a;
        s11 = b;
        s12 = c;
        s20 = d;
        s21 = e;
        s22 = f;
    }

    /** A stream that continues from where {@code from} is now (the two then go their own ways). */
    protected Mrg32k3a(Mrg32k3a from) {
        this(from.s10, from.s11, from.s12, from.s20, from.s21, from.s22);
    }

    /** The next uniform in (0, 1). */
    public final double nextDouble() {
        long p1 = (A12 * s11 - A13N * s10) % M1;
        if (p1 < 0) p1 += M1;
        s10 = s11;
        s11 = s12;
        s12 = p1;
        long p2 = (A21 * s22 - A23N * s20) % M2;
        if (p2 < 0) p2 += M2;
        s20 = s21;
        s21 = s22;
        s22 = p2;
        return p1 > p2 ? (p1 - p2) * NORM : (p1 - p2 + M1) * NORM;
    }

    /** The current state (six values, as SSJ's {@code getState}). */
    public long[] state() {
        return new long[] {s10, s11, s12, s20, s21, s22};
    }
}
