package org.caseload.batch;

import java.util.Arrays;

/**
 * Where each journal entry lies in its file: a map from (scenario, replication) to the line's
 * offset and length packed in one long, in two primitive arrays (open addressing), so a
 * journal of a million replications indexes them in about 32 MB instead of holding them.
 */
final class Offsets {
    private static final long EMPTY = Long.MIN_VALUE;
    private static final int LENGTH_BITS = 24;

    private long[] keys = new long[16];
    private long[] values = new long[16];
    private int size;

    Offsets() {
        Arrays.fill(keys, EMPTY);
    }

    static long key(int scenario, int rep) {
        return ((long) scenario << 32) | (rep & 0xffffffffL);
    }

    /** Records a line unless the key is already there (the first record of a replication wins). */
    void putIfAbsent(long key, long offset, int length) {
        if (length >= 1 << LENGTH_BITS) throw new IllegalArgumentException("journal line of " + length + " bytes");
        if (2 * (size + 1) > keys.length) grow();
        int i = slot(keys, key);
        if (keys[i] != EMPTY) return;
        keys[i] = key;
        values[i] = (offset << LENGTH_BITS) | length;
        size++;
    }

    boolean contains(long key) {
        return keys[slot(keys, key)] != EMPTY;
    }

    /** The line's offset, or -1 when absent. */
    long offset(long key) {
        int i = slot(keys, key);
        return keys[i] == EMPTY ? -1 : values[i] >>> LENGTH_BITS;
    }

    int length(long key) {
        int i = slot(keys, key);
        return keys[i] == EMPTY ? -1 : (int) (values[i] & ((1L << LENGTH_BITS) - 1));
    }

    int size() {
        return size;
    }

    private static int slot(long[] keys, long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != EMPTY && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private static long mix(long k) {
        k *= 0x9E3779B97F4A7C15L;
        return k ^ (k >>> 32);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == EMPTY) continue;
            int i = slot(keys, oldKeys[j]);
            keys[i] = oldKeys[j];
            values[i] = oldValues[j];
        }
    }
}
