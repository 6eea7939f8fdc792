package org.caseload.model;

/**
 * People seen in treatment in each reporting year: everyone in a treatment pathway when the
 * year starts, and everyone who enters one during it, each person once a year.
 *
 * <p>Why no list of who is in treatment: the people in treatment when a year starts are
 * counted from a count by group, and a person is recognised later as already counted from
 * their last stay in a treatment pathway (it began before the year's start and had not ended
 * by then). Keeping every pathway's members in a list cost two reference stores per episode,
 * which the G1 collector pays for with a barrier and a later scan on people who live long.
 *
 * <p>The year's start is the event scheduled at it (system priority, before any client event
 * at that instant), so a stay that begins at that very instant is counted at its entry, and
 * one that ends then was counted at the start. The initial caseload enters before any event:
 * when the first year starts at time 0 it is counted at its entry, and the year's start adds
 * only people not yet counted.
 */
final class SeenPerYear {
    private final ReportingYears periods;
    private final int[] seen;
    private final int[][] seenByGroup;
    /** The recorder's levels of people in treatment pathways, by group (whole numbers). */
    private final Level[] inTreatmentByGroup;

    SeenPerYear(ReportingYears periods, Level[] inTreatmentByGroup) {
        this.periods = periods;
        this.seen = new int[periods.count()];
        this.seenByGroup = new int[periods.count()][inTreatmentByGroup.length];
        this.inTreatmentByGroup = inTreatmentByGroup;
    }

    /** {@code c} enters a treatment pathway now (from outside treatment or from another treatment pathway). */
    void entered(Client c, double now) {
        int period = periods.of(now);
        if (period >= 0 && c.lastSeenPeriod != period) {
            double start = periods.start(period);
            boolean countedAtStart = c.lastTreatmentEntry < start && c.lastTreatmentExit >= start;
            c.lastSeenPeriod = period;
            if (!countedAtStart) count(period, c.groupIndex(), 1);
        }
        c.lastTreatmentEntry = now;
        c.lastTreatmentExit = Double.POSITIVE_INFINITY;
    }

    /** {@code c} leaves a treatment pathway now. */
    void left(Client c, double now) {
        c.lastTreatmentExit = now;
    }

    /** Year {@code period} starts: everyone in treatment not yet counted in it is counted. */
    void started(int period) {
        for (int g = 0; g < inTreatmentByGroup.length; g++) count(period, g, (int) inTreatmentByGroup[g].value() - seenByGroup[period][g]);
    }

    private void count(int period, int group, int n) {
        seen[period] += n;
        seenByGroup[period][group] += n;
    }

    int[] seen() {
        return seen;
    }

    int seen(int period, int group) {
        return seenByGroup[period][group];
    }
}
