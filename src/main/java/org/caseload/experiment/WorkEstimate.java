package org.caseload.experiment;

import java.util.Locale;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;

/**
 * The work one replication of a scenario asks for, estimated from the scenario alone before
 * anything runs: new referrals over warm-up and horizon (the rate month by month with
 * seasonality, trend and steps, as the model applies them), the initial caseload, and so the
 * events (each new referral is one of them: arrival times take one draw each); plus the memory
 * that holding one replication's results takes.
 *
 * @param referrals          expected new referrals over warm-up and horizon
 * @param initialCaseload    people in treatment at time 0
 * @param events             expected events of one replication
 * @param resultBytes        heap taken by one replication's results while they are held
 */
public record WorkEstimate(double referrals, long initialCaseload, double events, long resultBytes) {
    /**
     * Events per person (new referral or initial client) over a run: measured ~7 on
     * Leeds (~210,000 events for ~28,500 referrals and 3,685 initial clients, re-presentations
     * included), rounded up so the estimate errs high.
     */
    public static final double EVENTS_PER_PERSON = 10;
    /**
     * Heap per metric value held (8 bytes in a shared-names array, with a margin) and per monthly
     * series (its map entry and array header; the values add 8 bytes a month): 10,000
     * replications of a 12-month scenario finish in a 256 MB heap.
     */
    static final long BYTES_PER_METRIC = 24;
    static final long BYTES_PER_SERIES = 96;

    public static WorkEstimate of(Scenario s) {
        Scenario.Arrivals a = s.arrivals();
        double referrals = 0;
        for (int m = -s.warmupMonths(); m < s.horizonMonths(); m++) {
            double rate = a.ratePerMonth() * a.seasonalityMultipliers()[Math.floorMod(m, 12)];
            if (m >= 0) {
                // The model compounds the trend continuously and applies steps from their month on;
                // taking both at the month's end keeps the estimate on the high side when demand
                // grows (a trend of 0 or more, steps of 1 or more); a fall is slightly underestimated.
                rate *= Math.pow(1 + a.trendPctPerYear() / 100, (m + 1) / 12.0);
                for (Scenario.Arrivals.Step step : a.steps()) if (step.fromMonth() < m + 1) rate *= step.multiplier();
            }
            referrals += rate;
        }
        long initial = 0;
        for (int n : s.initialCaseload().values()) initial += n;
        double events = EVENTS_PER_PERSON * (referrals + initial);
        long metrics = Metrics.forPathways(s.pathways().keySet()).size();
        long series = Metrics.MONTHLY.size();
        long bytes = 256 + metrics * BYTES_PER_METRIC + series * (BYTES_PER_SERIES + 8L * s.horizonMonths());
        return new WorkEstimate(referrals, initial, events, bytes);
    }

    /** The work the event limit bounds: the events. */
    public double work() {
        return events;
    }

    /** What the estimate is made of, for messages. */
    public String explain() {
        return String.format(Locale.ROOT, "about %s new referrals and %s people in the initial caseload, ~%.0f events each",
                count(referrals), count(initialCaseload), EVENTS_PER_PERSON);
    }

    static String count(double n) {
        if (n < 1e15) return String.format(Locale.ROOT, "%,d", Math.round(n));
        return String.format(Locale.ROOT, "%.2g", n);
    }
}
