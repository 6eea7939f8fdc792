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

    /*
     * The state, six values below 2^32 held as unsigned ints: half the memory of longs, so a
     * client (its own stream) is smaller and takes fewer cache lines at national scale.
     */
    private int s10;
    private int s11;
    private int s12;
    private int s20;
    private int s21;
    private int s22;

    /** @param state six values as {@link RandomStreams#state} returns them */
    Mrg32k3a(long[] state) {
        this(state[0], state[1], state[2], state[3], state[4], state[5]);
    }

    Mrg32k3a(long a, long b, long c, long d, long e, long f) {
        s10 = (int) a;
        s11 = (int) b;
        s12 = (int) c;
        s20 = (int) d;
        s21 = (int) e;
        s22 = (int) f;
    }

    /** A stream that continues from where {@code from} is now (the two then go their own ways). */
    protected Mrg32k3a(Mrg32k3a from) {
        s10 = from.s10;
        s11 = from.s11;
        s12 = from.s12;
        s20 = from.s20;
        s21 = from.s21;
        s22 = from.s22;
    }

    /** The next uniform in (0, 1). */
    public final double nextDouble() {
        long p1 = (A12 * u(s11) - A13N * u(s10)) % M1;
        if (p1 < 0) p1 += M1;
        s10 = s11;
        s11 = s12;
        s12 = (int) p1;
        long p2 = (A21 * u(s22) - A23N * u(s20)) % M2;
        if (p2 < 0) p2 += M2;
        s20 = s21;
        s21 = s22;
        s22 = (int) p2;
        return p1 > p2 ? (p1 - p2) * NORM : (p1 - p2 + M1) * NORM;
    }

    /** The current state (six values, as SSJ's {@code getState}). */
    public long[] state() {
        return new long[] {u(s10), u(s11), u(s12), u(s20), u(s21), u(s22)};
    }

    private static long u(int s) {
        return s & 0xFFFF_FFFFL;
    }
}
