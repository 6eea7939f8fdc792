package org.caseload.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Readers of the shapes scenario files repeat: per-group maps, shares, enums, names with suggestions. */
final class Readers {
    static final double SHARE_TOLERANCE = 1e-6;

    private Readers() {
    }

    /** Reads a per-group map: keys are group names or {@code default}; every group must be covered. */
    static <T> ByGroup<T> byGroup(MapReader r, Function2<T> read) {
        Set<String> keys = r.keys();
        Object[] values = new Object[Group.values().length];
        T fallback = null;
        if (keys.contains("default")) fallback = read.apply(r, "default");
        for (String k : keys) {
            if (k.equals("default")) continue;
            Group g = groupOf(k);
            if (g == null) {
                List<String> valid = new ArrayList<>();
                for (Group x : Group.values()) valid.add(x.key());
                valid.add("default");
                r.fail(k, "unknown group" + suggestion(k, valid) + " (groups: " + String.join(", ", valid) + ")");
            }
            values[g.ordinal()] = read.apply(r, k);
        }
        for (Group g : Group.values()) {
            if (values[g.ordinal()] == null) {
                if (fallback == null) r.fail(null, "no value for group '" + g.key() + "' and no 'default'");
                values[g.ordinal()] = fallback;
            }
        }
        r.finish();
        return ByGroup.of(values);
    }

    @FunctionalInterface
    interface Function2<T> {
        T apply(MapReader r, String key);
    }

    static Group groupOf(String key) {
        for (Group g : Group.values()) if (g.key().equals(key)) return g;
        return null;
    }

    static Map<String, Double> shares(MapReader r, Set<String> pathways, boolean requireAny) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : r.keys()) {
            if (!pathways.contains(k)) r.fail(k, "unknown pathway" + suggestion(k, pathways));
            out.put(k, probability(r, k));
        }
        if (requireAny && out.isEmpty()) r.fail(null, "needs at least one pathway");
        r.finish();
        return out;
    }

    static <E extends Enum<E>> Set<E> enumSet(MapReader r, String key, Class<E> type, Function<E, String> keyOf) {
        if (!r.has(key)) return Set.of();
        List<String> texts = r.stringList(key, List.of());
        Set<E> out = EnumSet.noneOf(type);
        List<String> valid = new ArrayList<>();
        for (E e : type.getEnumConstants()) valid.add(keyOf.apply(e));
        for (String t : texts) {
            E match = null;
            for (E e : type.getEnumConstants()) if (keyOf.apply(e).equals(t)) match = e;
            if (match == null) r.fail(key, "unknown value '" + t + "'" + suggestion(t, valid) + " (one of " + String.join(", ", valid) + ")");
            out.add(match);
        }
        return out;
    }

    static <E extends Enum<E>> E enumValue(MapReader r, String key, String text, Class<E> type) {
        List<String> valid = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String k = e.name().toLowerCase(Locale.ROOT);
            valid.add(k);
            if (k.equals(text)) return e;
        }
        r.fail(key, "unknown value '" + text + "'" + suggestion(String.valueOf(text), valid) + " (one of " + String.join(", ", valid) + ")");
        throw new AssertionError();
    }

    static String suggestion(String typed, java.util.Collection<String> candidates) {
        return Suggestions.closest(typed, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    static void requireSum(MapReader r, String key, double[] shares) {
        double sum = 0;
        for (double s : shares) sum += s;
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
            r.fail(key, "shares must add up to 1, they add up to " + Range.formatDerived(sum), r.setOnCommandLine(key));
        }
    }

    static double probability(MapReader r, String key) {
        return r.number(key, Ranges.PROBABILITY);
    }
}
