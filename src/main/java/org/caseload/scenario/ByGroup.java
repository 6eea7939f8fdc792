package org.caseload.scenario;

import java.util.Arrays;

/**
 * One value per substance group, indexed by {@link Group#ordinal()}. Immutable; scenario
 * files may give a {@code default} that fills groups they do not name.
 */
public final class ByGroup<T> {
    private final Object[] values;

    private ByGroup(Object[] values) {
        this.values = values;
    }

    /** @param values one per group in {@link Group} order, none null */
    public static <T> ByGroup<T> of(Object[] values) {
        if (values.length != Group.values().length) throw new IllegalArgumentException("need one value per group");
        for (Object v : values) if (v == null) throw new IllegalArgumentException("missing group value");
        return new ByGroup<>(values.clone());
    }

    public static <T> ByGroup<T> all(T value) {
        Object[] v = new Object[Group.values().length];
        Arrays.fill(v, value);
        return new ByGroup<>(v);
    }

    @SuppressWarnings("unchecked")
    public T get(Group g) {
        return (T) values[g.ordinal()];
    }
}
