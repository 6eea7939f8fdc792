package org.caseload.engine;

import umontreal.ssj.rng.MRG32k3a;

/**
 * Deterministic access to any (stream, substream) of the MRG32k3a generator from one
 * experiment seed, without SSJ's static package seed.
 *
 * <p>SSJ creates stream i by advancing a static, unsynchronised seed, which is unsafe from
 * worker threads and couples unrelated experiments in one JVM. Here stream i, substream r
 * starts at {@code A^(i·2^127 + r·2^76) · s0}, where A is MRG32k3a's transition matrix and
 * s0 the seed: exactly what SSJ's own constructor and {@code resetNextSubstream} produce
 * (a unit test checks this), computed on demand with jump matrices. Instances are immutable
 * and thread-safe; the streams they hand out are not shared.
 */
public final class RandomStreams {
    static final long M1 = 4294967087L;
    static final long M2 = 4294944443L;
    private static final int STREAM_LOG2 = 127;
    private static final int SUBSTREAM_LOG2 = 76;
    /** Matrix powers A^(2^e) for e = 0..MAX_LOG2, for both components. */
    private static final int MAX_LOG2 = 200;
    private static final long[][][] POW1 = new long[MAX_LOG2 + 1][][];
    private static final long[][][] POW2 = new long[MAX_LOG2 + 1][][];
    private static final MRG32k3a PROTOTYPE;
    /** A^(2^127) row by row, per component: the step from one stream to the next. */
    private static final long[] STREAM_JUMP1;
    private static final long[] STREAM_JUMP2;

    static {
        POW1[0] = new long[][] {{0, 1, 0}, {0, 0, 1}, {M1 - 810728, 1403580, 0}};
        POW2[0] = new long[][] {{0, 1, 0}, {0, 0, 1}, {M2 - 1370589, 0, 527612}};
        for (int e = 1; e <= MAX_LOG2; e++) {
            POW1[e] = multiply(POW1[e - 1], POW1[e - 1], M1);
            POW2[e] = multiply(POW2[e - 1], POW2[e - 1], M2);
        }
        STREAM_JUMP1 = flatten(POW1[STREAM_LOG2]);
        STREAM_JUMP2 = flatten(POW2[STREAM_LOG2]);
        synchronized (MRG32k3a.class) {
            PROTOTYPE = new MRG32k3a();
        }
    }

    private final long[] seed;
    private final long offset;

    /** @param seed six MRG32k3a seed values (first three &lt; m1, last three &lt; m2, neither triple all zero) */
    public RandomStreams(long[] seed) {
        this(validate(seed.clone()), 0);
    }

    private RandomStreams(long[] seed, long offset) {
        this.seed = seed;
        this.offset = offset;
    }

    /**
     * The same generator with every stream index shifted by {@code streams}: a disjoint set
     * of streams, used to give scenarios independent randomness when common random numbers
     * are switched off.
     */
    public RandomStreams shifted(long streams) {
        if (streams < 0) throw new IllegalArgumentException("negative shift");
        return new RandomStreams(seed, offset + streams);
    }

    /** Derives a valid six-value seed from any user seed with SplitMix64, so nearby seeds give unrelated states. */
    public static RandomStreams fromSeed(long userSeed) {
        long[] s = new long[6];
        long x = userSeed;
        for (int i = 0; i < 6; i++) {
            x += 0x9E3779B97F4A7C15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            long m = i < 3 ? M1 : M2;
            s[i] = Long.remainderUnsigned(z, m - 1) + 1;
        }
        return new RandomStreams(s);
    }

    public long[] seed() {
        return seed.clone();
    }

    /** The state at the start of {@code substream} of {@code stream}. */
    public long[] state(long stream, long substream) {
        if (stream < 0 || substream < 0) throw new IllegalArgumentException("negative stream index");
        long[] s = advance(seed, stream + offset, STREAM_LOG2);
        return advance(s, substream, SUBSTREAM_LOG2);
    }

    /** A fresh generator positioned at the start of {@code substream} of {@code stream}. */
    public MRG32k3a stream(long stream, long substream) {
        return fromState(state(stream, substream));
    }

    /**
     * Hands out streams first, first+1, ... all at the same substream, one matrix-vector
     * product each: used to give every client its own stream within a replication.
     */
    public Sequence sequence(long firstStream, long substream) {
        return new Sequence(state(firstStream, substream));
    }

    /**
     * Consecutive streams at a fixed substream; not thread-safe (one per replication). Each
     * step is one product with the jump matrix, done in place (a client is created per
     * referral, so this is on the hot path).
     */
    public static final class Sequence {
        private final long[] next;

        private Sequence(long[] first) {
            this.next = first.clone();
        }

        public Mrg32k3a next() {
            long[] s = next;
            Mrg32k3a r = new Mrg32k3a(s[0], s[1], s[2], s[3], s[4], s[5]);
            jump(s, STREAM_JUMP1, 0, M1);
            jump(s, STREAM_JUMP2, 3, M2);
            return r;
        }

        /**
         * s[offset..offset+2] = a·s mod m. Entries of a and s are below 2^32, so each state value
         * is split into 16-bit halves: three products of a half stay below 2^50 and one signed
         * remainder per half suffices.
         */
        private static void jump(long[] s, long[] a, int offset, long m) {
            long x0 = s[offset];
            long x1 = s[offset + 1];
            long x2 = s[offset + 2];
            long h0 = x0 >>> 16, h1 = x1 >>> 16, h2 = x2 >>> 16;
            long l0 = x0 & 0xFFFF, l1 = x1 & 0xFFFF, l2 = x2 & 0xFFFF;
            for (int i = 0; i < 3; i++) {
                long a0 = a[3 * i], a1 = a[3 * i + 1], a2 = a[3 * i + 2];
                long hi = (a0 * h0 + a1 * h1 + a2 * h2) % m;
                s[offset + i] = ((hi << 16) + a0 * l0 + a1 * l1 + a2 * l2) % m;
            }
        }
    }

    static MRG32k3a fromState(long[] state) {
        MRG32k3a s = PROTOTYPE.clone();
        s.setSeed(state);
        return s;
    }

    /** Advances {@code state} by n·2^log2 steps using the binary expansion of n. */
    static long[] advance(long[] state, long n, int log2) {
        long[] s = state;
        for (int bit = 0; n != 0; bit++, n >>>= 1) {
            if ((n & 1) != 0) {
                int e = log2 + bit;
                if (e > MAX_LOG2) throw new IllegalArgumentException("stream index too large");
                s = apply(s, POW1[e], POW2[e]);
            }
        }
        return s;
    }

    private static long[] apply(long[] s, long[][] a1, long[][] a2) {
        long[] r = new long[6];
        for (int i = 0; i < 3; i++) {
            r[i] = dot(a1[i], s, 0, M1);
            r[i + 3] = dot(a2[i], s, 3, M2);
        }
        return r;
    }

    private static long dot(long[] row, long[] s, int offset, long m) {
        long acc = 0;
        for (int j = 0; j < 3; j++) {
            // Both factors are below 2^32, so the product fits an unsigned 64-bit value.
            acc += Long.remainderUnsigned(row[j] * s[offset + j], m);
        }
        return acc % m;
    }

    private static long[] flatten(long[][] a) {
        long[] f = new long[9];
        for (int i = 0; i < 3; i++) System.arraycopy(a[i], 0, f, 3 * i, 3);
        return f;
    }

    private static long[][] multiply(long[][] a, long[][] b, long m) {
        long[][] c = new long[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                long acc = 0;
                for (int k = 0; k < 3; k++) acc += Long.remainderUnsigned(a[i][k] * b[k][j], m);
                c[i][j] = acc % m;
            }
        }
        return c;
    }

    private static long[] validate(long[] s) {
        if (s.length != 6) throw new IllegalArgumentException("an MRG32k3a seed has 6 values");
        for (int i = 0; i < 6; i++) {
            long m = i < 3 ? M1 : M2;
            if (s[i] < 0 || s[i] >= m) throw new IllegalArgumentException("seed value out of range: " + s[i]);
        }
        if ((s[0] | s[1] | s[2]) == 0 || (s[3] | s[4] | s[5]) == 0) {
            throw new IllegalArgumentException("seed triples must not be all zero");
        }
        return s;
    }
}
