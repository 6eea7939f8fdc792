package org.caseload.results;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A replication's metric values as an immutable map that keeps insertion order, stored as one
 * {@code double[]} against a list of names shared by every replication with the same metrics.
 * Results held in memory (in-memory stores, a ScenarioResult, calibration and warm-up batches,
 * what-if runs) hold every replication's values; a map of boxed values costs about 64 bytes a
 * metric, this 8. (A streamed batch keeps its values on disk instead.)
 */
final class MetricValues extends AbstractMap<String, Double> {
    /** Shared name lists; few distinct ones exist (one per set of pathways), so the cache stays small. */
    private static final Map<List<String>, Names> SHARED = new ConcurrentHashMap<>();
    private static final int MOST_SHARED = 1_000;

    private record Names(String[] names, Map<String, Integer> index) {
    }

    private final Names names;
    private final double[] values;

    private MetricValues(Names names, double[] values) {
        this.names = names;
        this.values = values;
    }

    static Map<String, Double> of(Map<String, Double> metrics) {
        if (metrics instanceof MetricValues m) return m;
        String[] keys = new String[metrics.size()];
        double[] values = new double[keys.length];
        int i = 0;
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            keys[i] = e.getKey();
            values[i++] = e.getValue(); // unboxing refuses a null value, as the old copy did on use
        }
        return new MetricValues(names(keys), values);
    }

    private static Names names(String[] keys) {
        List<String> list = List.of(keys);
        Names known = SHARED.get(list);
        if (known != null) return known;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < keys.length; i++) index.put(keys[i], i);
        Names made = new Names(keys, index);
        if (SHARED.size() >= MOST_SHARED) return made;
        Names raced = SHARED.putIfAbsent(list, made);
        return raced != null ? raced : made;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return names.index.containsKey(key);
    }

    @Override
    public Double get(Object key) {
        Integer i = names.index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Map.Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, Double> next() {
                        if (next >= values.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(names.names[i], values[i]);
                    }
                };
            }
        };
    }
}
