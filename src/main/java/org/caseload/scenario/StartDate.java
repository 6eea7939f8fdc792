package org.caseload.scenario;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The optional {@code start_date} of a scenario: the calendar date of the first reported day
 * (the end of the warm-up), used only to date the events of an event log. It changes no
 * result, so it is not part of {@link Scenario}; the reader checks it and the event log reads
 * it from the resolved tree.
 */
public final class StartDate {
    public static final String KEY = "start_date";
    /** The first day of the English financial year 2025/26, when a scenario names no date. */
    public static final LocalDate DEFAULT = LocalDate.of(2025, 4, 1);

    private StartDate() {
    }

    /** The date of a resolved scenario tree (checked, or the default). */
    public static LocalDate of(MapNode tree) {
        return read(MapReader.root(tree));
    }

    /** Reads and checks {@code start_date} (a date written yyyy-mm-dd) as one of the root's keys. */
    static LocalDate read(MapReader root) {
        if (!root.has(KEY)) {
            root.string(KEY, "");
            return DEFAULT;
        }
        String text = root.string(KEY);
        try {
            LocalDate d = LocalDate.parse(text);
            if (d.getYear() < 1900 || d.getYear() > 2200) throw root.fail(KEY, "must be between 1900 and 2200, got " + text);
            return d;
        } catch (DateTimeParseException e) {
            throw root.fail(KEY, "must be a date written yyyy-mm-dd, e.g. 2025-04-01, got '" + text + "'");
        }
    }
}
