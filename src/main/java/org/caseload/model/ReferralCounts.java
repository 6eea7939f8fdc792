package org.caseload.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.caseload.results.Metrics;

/**
 * Referrals counted honestly: every referral is one of three kinds, and people are also
 * counted once a year however often they were referred.
 *
 * <ul>
 *   <li><b>new</b>: a person's first referral (a new client from the arrival process);</li>
 *   <li><b>re-presentation</b>: referred again after leaving the service having been placed
 *       (completed, dropped out, left the recovery community) and relapsed;</li>
 *   <li><b>re-referral after dropping away</b>: referred again after giving up waiting (for
 *       assessment or a place) without starting. Under a cut these multiply as waits grow,
 *       so counting them as referrals made a cut look like rising demand.</li>
 * </ul>
 *
 * <p>{@code referrals_per_month} is new referrals plus re-presentations: demand reaching the
 * service, each journey counted once. All three kinds together are still the denominator of
 * the share waiting over 21 days (each referral starts its own wait).
 */
final class ReferralCounts {
    private final Window window;
    private final Counter newReferrals;
    private final Counter representations;
    private final Counter rereferrals;
    /** New referrals plus re-presentations: the monthly series of {@code referrals}. */
    private final Counter demand;
    private final ReportingYears years;
    private final int[] people;

    ReferralCounts(Window window, ReportingYears years) {
        this.window = window;
        this.newReferrals = new Counter(window);
        this.representations = new Counter(window);
        this.rereferrals = new Counter(window);
        this.demand = new Counter(window);
        this.years = years; // the same periods as "seen a year"
        people = new int[years.count()];
    }

    /** A referral of {@code c} at {@code now}, classified by how the client last left (if ever). */
    void referred(Client c, double now) {
        if (!c.representing) {
            newReferrals.count(now);
            demand.count(now);
        } else if (c.lastExit() == Exit.DROPPED_AWAY) {
            rereferrals.count(now);
        } else {
            representations.count(now);
            demand.count(now);
        }
        int period = years.of(now);
        if (period >= 0 && c.lastReferredPeriod != period) {
            c.lastReferredPeriod = period;
            people[period]++;
        }
    }


    /** Every referral of the three kinds in the window. */
    double all() {
        return newReferrals.total() + representations.total() + rereferrals.total();
    }

    /** New referrals plus re-presentations a month (the definition of {@code referrals_per_month}). */
    double referralsPerMonth() {
        return demand.total() / window.months();
    }

    /** Re-presentations and re-referrals a year (the definition of {@code representations_per_year}). */
    double returnsPerYear() {
        return (representations.total() + rereferrals.total()) / window.years();
    }

    double[] monthly() {
        return demand.monthly();
    }

    /** The referral metrics of this block, in catalogue order. */
    Map<String, Double> metrics() {
        Map<String, Double> r = new LinkedHashMap<>();
        double months = window.months();
        r.put(Metrics.NEW_REFERRALS_PER_MONTH, newReferrals.total() / months);
        r.put(Metrics.REPRESENTATIONS_PER_MONTH, representations.total() / months);
        r.put(Metrics.REREFERRALS_PER_MONTH, rereferrals.total() / months);
        r.put(Metrics.ALL_REFERRALS_PER_MONTH, all() / months);
        double sum = 0;
        for (int n : people) sum += n;
        r.put(Metrics.PEOPLE_REFERRED_PER_YEAR, sum / people.length);
        return r;
    }
}
