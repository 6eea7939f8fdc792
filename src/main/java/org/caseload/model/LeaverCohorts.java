package org.caseload.model;

import java.util.Map;
import org.caseload.results.Metrics;
import org.caseload.scenario.Group;
import org.caseload.scenario.Scenario;

/**
 * What became of the people who left treatment in each reporting year: the share who had
 * not started treatment again within 1, 2 and 4 years, in all, by exit reason (completed,
 * dropped out) and by group. A leaver is someone leaving treatment pathways alive by
 * completing (including moving on to a non-treatment pathway such as the recovery community)
 * or dropping out; transfers out of the area are not followed and deaths in treatment are
 * not leavers. A return is the start of any later treatment episode; people who die out of
 * treatment have not returned. Only the first return after each leaving counts.
 *
 * <p>A year's cohort counts for a horizon only if the whole follow-up of its last leaver fits
 * in the reporting window; the share is pooled over those years and undefined (NaN) when none
 * qualifies, e.g. the 4-year share of a window shorter than five years.
 */
final class LeaverCohorts {
    static final int[] HORIZON_YEARS = {1, 2, 4};
    private static final int GROUPS = Group.values().length;
    private static final int COMPLETED = 0;
    private static final int DROPPED_OUT = 1;

    private final Window window;
    private final int years;
    /** Leavers by [year][group][reason]. */
    private final int[][][] leavers;
    /** Leavers back in treatment within each horizon, by [horizon][year][group][reason]. */
    private final int[][][][] returned;

    LeaverCohorts(Window window) {
        this.window = window;
        this.years = window.months() / 12;
        this.leavers = new int[years][GROUPS][2];
        this.returned = new int[HORIZON_YEARS.length][years][GROUPS][2];
    }

    /** Someone left treatment alive at {@code now}, having completed or dropped out. */
    void left(Client c, double now, boolean completed) {
        int year = window.contains(now) ? (int) Math.floor((now - window.start()) / Scenario.DAYS_PER_YEAR) : -1;
        if (year < 0 || year >= years) {
            c.cohortLeftAt = Double.NaN; // left outside the cohorts: a later return belongs to no cohort
            return;
        }
        c.cohortLeftAt = now;
        c.cohortYear = year;
        c.cohortCompleted = completed;
        leavers[year][c.groupIndex()][completed ? COMPLETED : DROPPED_OUT]++;
    }

    /** Someone starts a treatment episode: a return if they left treatment in a cohort year and have not returned since. */
    void enteredTreatment(Client c, double now) {
        if (Double.isNaN(c.cohortLeftAt)) return;
        double afterDays = now - c.cohortLeftAt;
        c.cohortLeftAt = Double.NaN;
        int reason = c.cohortCompleted ? COMPLETED : DROPPED_OUT;
        for (int h = 0; h < HORIZON_YEARS.length; h++) {
            if (afterDays <= HORIZON_YEARS[h] * Scenario.DAYS_PER_YEAR) returned[h][c.cohortYear][c.groupIndex()][reason]++;
        }
    }

    /**
     * Adds the outcome metrics in the catalogue's order: deaths in treatment as a share
     * ({@link DeathIndicator}, from the deaths in treatment per reporting month and the people
     * in treatment per reporting period), then every leaver-cohort share (horizon, then all,
     * reasons, groups).
     */
    void putMetrics(Map<String, Double> r, double[] monthlyDeathsInTreatment, int[] seenPerPeriod) {
        r.put(Metrics.PCT_DIED_IN_TREATMENT, DeathIndicator.pctOfPeopleInTreatment(monthlyDeathsInTreatment, seenPerPeriod));
        for (int h = 0; h < HORIZON_YEARS.length; h++) {
            String base = Metrics.leaverCohortName(HORIZON_YEARS[h]);
            r.put(base, pctNotReturned(h, -1, -1));
            r.put(base + "_completed", pctNotReturned(h, -1, COMPLETED));
            r.put(base + "_dropped_out", pctNotReturned(h, -1, DROPPED_OUT));
            for (Group g : Group.values()) r.put(base + "_" + g.key(), pctNotReturned(h, g.ordinal(), -1));
        }
    }

    /** Pooled share not returned within horizon {@code h}; {@code group} or {@code reason} -1 for all. */
    double pctNotReturned(int h, int group, int reason) {
        double left = 0;
        double back = 0;
        for (int y = 0; y < years; y++) {
            double followUpEnd = window.start() + (y + 1 + HORIZON_YEARS[h]) * Scenario.DAYS_PER_YEAR;
            if (followUpEnd > window.end() + 1e-6) continue;
            for (int g = 0; g < GROUPS; g++) {
                if (group >= 0 && g != group) continue;
                for (int k = 0; k < 2; k++) {
                    if (reason >= 0 && k != reason) continue;
                    left += leavers[y][g][k];
                    back += returned[h][y][g][k];
                }
            }
        }
        return left > 0 ? 100 * (left - back) / left : Double.NaN;
    }
}
