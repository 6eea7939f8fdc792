package org.caseload.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;

class RandomStreamsTest {
    private static final long[] SEED = {12345, 23456, 34567, 45678, 56789, 67890};

    /** Our jump-ahead must land exactly where SSJ's own constructor and substream jumps do. */
    @Test
    void streamsAndSubstreamsMatchSsj() {
        MRG32k3a[] ssj = new MRG32k3a[4];
        synchronized (MRG32k3a.class) {
            MRG32k3a.setPackageSeed(SEED);
            for (int i = 0; i < ssj.length; i++) ssj[i] = new MRG32k3a();
        }
        RandomStreams ours = new RandomStreams(SEED);
        for (int i = 0; i < ssj.length; i++) {
            assertArrayEquals(ssj[i].getState(), ours.state(i, 0), "stream " + i);
            MRG32k3a s = ssj[i].clone();
            for (int r = 1; r <= 5; r++) {
                s.resetNextSubstream();
                assertArrayEquals(s.getState(), ours.state(i, r), "stream " + i + " substream " + r);
            }
        }
    }

    @Test
    void generatedValuesMatchSsjStream() {
        MRG32k3a ssj;
        synchronized (MRG32k3a.class) {
            MRG32k3a.setPackageSeed(SEED);
            new MRG32k3a();
            ssj = new MRG32k3a();
        }
        ssj.resetNextSubstream();
        ssj.resetNextSubstream();
        MRG32k3a ours = new RandomStreams(SEED).stream(1, 2);
        for (int i = 0; i < 100; i++) assertEquals(ssj.nextDouble(), ours.nextDouble());
    }

    @Test
    void sequenceEqualsDirectLookup() {
        RandomStreams rs = RandomStreams.fromSeed(7);
        RandomStreams.Sequence seq = rs.sequence(1000, 3);
        for (int k = 0; k < 20; k++) {
            Mrg32k3a a = seq.next();
            MRG32k3a b = rs.stream(1000 + k, 3);
            assertArrayEquals(b.getState(), a.state(), "client " + k);
            for (int i = 0; i < 50; i++) assertEquals(b.nextDouble(), a.nextDouble(), "client " + k + " draw " + i);
        }
    }

    /** The clients' own generator gives exactly SSJ's numbers from the same states. */
    @Test
    void clientGeneratorMatchesSsjDrawForDraw() {
        RandomStreams rs = RandomStreams.fromSeed(2026);
        RandomStreams.Sequence seq = rs.sequence(1L << 20, 17);
        for (int k = 0; k < 200; k++) {
            Mrg32k3a ours = seq.next();
            MRG32k3a ssj = rs.stream((1L << 20) + k, 17);
            for (int i = 0; i < 5_000; i++) assertEquals(ssj.nextDouble(), ours.nextDouble(), "stream " + k + " draw " + i);
        }
    }

    /**
     * States at the edges of the generator's range (the largest values, zeros, mixes), where
     * the division-free remainder's correction step must fire or must not: draw for draw
     * SSJ's numbers.
     */
    @Test
    void clientGeneratorMatchesSsjAtExtremeStates() {
        long a = RandomStreams.M1 - 1;
        long b = RandomStreams.M2 - 1;
        long[][] states = {
                {a, a, a, b, b, b}, {0, 0, 1, 0, 0, 1}, {a, 0, 0, b, 0, 0}, {0, a, 0, 0, b, 0}, {0, 0, a, 0, 0, b},
                {1, a, a, 1, b, b}, {a, a, 0, b, b, 0}, {12345, a, 1, b, 54321, 1}};
        for (long[] state : states) {
            Mrg32k3a ours = new Mrg32k3a(state);
            MRG32k3a ssj = new MRG32k3a();
            ssj.setSeed(state.clone());
            for (int i = 0; i < 100_000; i++) {
                assertEquals(ssj.nextDouble(), ours.nextDouble(), java.util.Arrays.toString(state) + " draw " + i);
            }
        }
    }

    @Test
    void largeStreamIndicesWork() {
        RandomStreams rs = RandomStreams.fromSeed(99);
        MRG32k3a far = rs.stream(1L << 40, 123_456);
        MRG32k3a near = rs.stream(0, 123_456);
        assertNotEquals(far.nextDouble(), near.nextDouble());
    }

    @Test
    void differentUserSeedsGiveDifferentStreams() {
        assertNotEquals(RandomStreams.fromSeed(1).stream(0, 0).nextDouble(), RandomStreams.fromSeed(2).stream(0, 0).nextDouble());
        assertArrayEquals(RandomStreams.fromSeed(5).seed(), RandomStreams.fromSeed(5).seed());
    }

    @Test
    void rejectsInvalidSeeds() {
        assertThrows(IllegalArgumentException.class, () -> new RandomStreams(new long[] {0, 0, 0, 1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new RandomStreams(new long[] {1, 1, RandomStreams.M1, 1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new RandomStreams(new long[] {1, 2, 3}));
    }
}
