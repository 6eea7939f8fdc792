package org.caseload.results;

import static org.caseload.results.Direction.HIGHER_IS_BETTER;
import static org.caseload.results.Direction.LOWER_IS_BETTER;
import static org.caseload.results.Direction.NEUTRAL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The catalogue of reported metrics. Names here are the output contract: CSV files, the
 * README and tests all use them. Per-pathway metrics are derived from the pathway names of a
 * scenario by {@link #forPathways}.
 */
public final class Metrics {
    public static final String REFERRALS_PER_MONTH = "referrals_per_month";
    public static final String LEAVERS_PER_MONTH = "leavers_per_month";
    public static final String REPRESENTATIONS_PER_YEAR = "representations_per_year";
    public static final String IN_TREATMENT_MEAN = "in_treatment_mean";
    public static final String WAITING_LIST_MEAN = "waiting_list_mean";
    public static final String WAIT_DAYS_MEAN = "wait_days_mean";
    public static final String PCT_WAITING_OVER_21D = "pct_waiting_over_21d";
    public static final String WAITED_OVER_21D_PER_YEAR = "waited_over_21d_per_year";
    public static final String ASSESSMENT_WAIT_DAYS_MEAN = "assessment_queue_wait_days_mean";
    public static final String ASSESSMENT_DROPAWAYS_PER_YEAR = "assessment_dropaways_per_year";
    public static final String SEEN_PER_YEAR = "seen_per_year";
    public static final String STARTS_PER_YEAR = "treatment_starts_per_year";
    public static final String COMPLETIONS_PER_YEAR = "successful_completions_per_year";
    public static final String DROPOUTS_PER_YEAR = "dropouts_per_year";
    public static final String DEATHS_PER_YEAR = "deaths_per_year";
    public static final String DEATHS_IN_TREATMENT_PER_YEAR = "deaths_in_treatment_per_year";
    public static final String DEATHS_AFTER_EXIT_PER_YEAR = "deaths_after_exit_per_year";
    public static final String DEATHS_WHILE_WAITING_PER_YEAR = "deaths_while_waiting_per_year";
    public static final String CASELOAD_PER_WORKER_MEAN = "caseload_per_worker_mean";
    public static final String KEYWORKER_FTE_MEAN = "keyworker_fte_mean";
    public static final String CNR_OPIATE = "completion_non_representation_pct_opiate";
    public static final String CNR_NON_OPIATE = "completion_non_representation_pct_non_opiate";
    public static final String CNR_ALCOHOL = "completion_non_representation_pct_alcohol";
    public static final String PCT_IN_TREATMENT_4Y = "pct_in_treatment_4y_plus";
    public static final String PCT_OPIATE_4Y = "pct_opiate_in_treatment_4y_plus";
    public static final String PCT_ALCOHOL_UNDER_6M = "pct_alcohol_in_treatment_under_6m";
    public static final String TRANSFERS_PER_YEAR = "transfers_per_year";
    public static final String PCT_EXITS_SUCCESSFUL = "pct_exits_successful";
    public static final String PCT_EXITS_SUCCESSFUL_ALCOHOL = "pct_exits_successful_alcohol";
    public static final String PCT_GROUP_PREFIX = "pct_in_treatment_";
    public static final String SPEND_PER_YEAR = "spend_per_year";
    public static final String COST_PER_COMPLETION = "cost_per_successful_completion";
    // ---- outcomes (issue 10 items 3-4): deaths in treatment as the national statistics count them, leaver cohorts
    public static final String PCT_DIED_IN_TREATMENT = "pct_died_in_treatment";
    public static final String LEAVERS_NOT_RETURNED_PREFIX = "pct_leavers_not_returned_";
    private static final int[] LEAVER_HORIZON_YEARS = {1, 2, 4};
    private static final String[] GROUP_KEYS = {"opiate", "non_opiate", "non_opiate_and_alcohol", "alcohol"};

    public static final String IN_TREATMENT_PREFIX = "in_treatment_mean_";
    public static final String ENTRIES_PREFIX = "entries_per_year_";
    public static final String STAY_PREFIX = "stay_days_mean_";
    public static final String PATHWAY_WAITING_PREFIX = "waiting_list_mean_";
    public static final String CASELOAD_PREFIX = "caseload_per_fte_mean_";
    public static final String PATHWAY_COMPLETIONS_PREFIX = "completions_per_year_";
    public static final String PATHWAY_SPEND_PREFIX = "spend_per_year_";

    /** Monthly series written to monthly.csv (time averages or counts within each month). */
    public static final String M_IN_TREATMENT = "in_treatment";
    public static final String M_WAITING_LIST = "waiting_list";
    public static final String M_CASELOAD_PER_WORKER = "caseload_per_worker";
    public static final String M_KEYWORKER_FTE = "keyworker_fte";
    public static final String M_REFERRALS = "referrals";
    public static final String M_COMPLETIONS = "successful_completions";
    public static final String M_DEATHS = "deaths";
    public static final String M_SPEND = "spend";

    private static final List<Metric> CORE = List.of(
            new Metric(REFERRALS_PER_MONTH, "referrals per month",
                    "Referrals a month: new clients plus re-presentations after leaving the service; a re-referral after "
                            + "dropping away while waiting is the same demand again and is not counted (see all_referrals_per_month)",
                    NEUTRAL),
            new Metric(LEAVERS_PER_MONTH, "people per month",
                    "People leaving the service per month: completing, dropping out, dropping away while waiting, "
                            + "transferred out of the area, or dying in a pathway", NEUTRAL),
            new Metric(REPRESENTATIONS_PER_YEAR, "re-presentations per year",
                    "Referrals of people who had been referred before: re-presentations after leaving plus re-referrals "
                            + "after dropping away while waiting, per year", LOWER_IS_BETTER),
            new Metric(IN_TREATMENT_MEAN, "people",
                    "Time-averaged number of people in treatment pathways (excludes the recovery community and queues)", NEUTRAL),
            new Metric(WAITING_LIST_MEAN, "people",
                    "Time-averaged number waiting: for assessment plus for a pathway place", LOWER_IS_BETTER),
            new Metric(WAIT_DAYS_MEAN, "days",
                    "Mean days from referral to the start of treatment, for referrals starting treatment in the period", LOWER_IS_BETTER),
            new Metric(PCT_WAITING_OVER_21D, "% of referrals",
                    "Share of referrals still waiting for treatment (not started, not gone) 21 days after referral "
                            + "(national standard: start within 21 days)",
                    LOWER_IS_BETTER),
            new Metric(WAITED_OVER_21D_PER_YEAR, "people per year",
                    "Referrals still waiting for treatment (not started, not gone) 21 days after referral, per year",
                    LOWER_IS_BETTER),
            new Metric(ASSESSMENT_WAIT_DAYS_MEAN, "days",
                    "Mean days waiting for an assessment to begin (queue only), over assessments begun in the period", LOWER_IS_BETTER),
            new Metric(ASSESSMENT_DROPAWAYS_PER_YEAR, "people per year",
                    "People who dropped away while waiting for assessment or for a pathway place", LOWER_IS_BETTER),
            new Metric(SEEN_PER_YEAR, "people per year",
                    "Distinct people in treatment at any time in a year (mean over whole reported years)", NEUTRAL),
            new Metric(STARTS_PER_YEAR, "starts per year",
                    "Treatment starts that followed a referral and assessment, per year", NEUTRAL),
            new Metric(COMPLETIONS_PER_YEAR, "completions per year",
                    "Successful completions of treatment pathways per year", HIGHER_IS_BETTER),
            new Metric(DROPOUTS_PER_YEAR, "exits per year",
                    "Unplanned exits (drop-outs) from treatment pathways per year", LOWER_IS_BETTER),
            new Metric(TRANSFERS_PER_YEAR, "transfers per year",
                    "Episodes in treatment pathways ending in a transfer (to another pathway or out of the area), per year",
                    NEUTRAL),
            new Metric(PCT_EXITS_SUCCESSFUL, "% of people leaving treatment",
                    "Share of people leaving treatment (not moving to another treatment pathway) who completed successfully",
                    HIGHER_IS_BETTER),
            new Metric(PCT_EXITS_SUCCESSFUL_ALCOHOL, "% of alcohol clients leaving treatment",
                    "The same for alcohol-only clients", HIGHER_IS_BETTER),
            new Metric(DEATHS_PER_YEAR, "deaths per year",
                    "Deaths in treatment, while waiting, and within the follow-up window after leaving, per year",
                    LOWER_IS_BETTER),
            new Metric(DEATHS_IN_TREATMENT_PER_YEAR, "deaths per year",
                    "Deaths while in a treatment pathway, per year", LOWER_IS_BETTER),
            new Metric(DEATHS_AFTER_EXIT_PER_YEAR, "deaths per year",
                    "Deaths out of treatment within the follow-up window after leaving, per year", LOWER_IS_BETTER),
            new Metric(DEATHS_WHILE_WAITING_PER_YEAR, "deaths per year",
                    "Deaths of people waiting for assessment or for a place (out-of-treatment rate), per year", LOWER_IS_BETTER),
            new Metric(CASELOAD_PER_WORKER_MEAN, "clients per FTE",
                    "Time-averaged clients per keyworker FTE over caseload-type pathways", LOWER_IS_BETTER),
            new Metric(KEYWORKER_FTE_MEAN, "FTE",
                    "Time-averaged keyworker FTE funded in caseload-type pathways", NEUTRAL),
            new Metric(CNR_OPIATE, "% of opiate clients in treatment",
                    "Successful completions in a year not re-presenting within 6 months, as % of all opiate clients in treatment that year", HIGHER_IS_BETTER),
            new Metric(CNR_NON_OPIATE, "% of non-opiate clients in treatment",
                    "As above for non-opiate clients (non-opiate only, and non-opiate with alcohol)", HIGHER_IS_BETTER),
            new Metric(CNR_ALCOHOL, "% of alcohol clients in treatment",
                    "As above for alcohol-only clients", HIGHER_IS_BETTER),
            new Metric(PCT_IN_TREATMENT_4Y, "% of people in treatment",
                    "Time-averaged share of people in treatment whose current stay has lasted 4 years or more", NEUTRAL),
            new Metric(PCT_OPIATE_4Y, "% of opiate clients in treatment",
                    "Time-averaged share of opiate clients in treatment whose unbroken stay has lasted 4 years or more", NEUTRAL),
            new Metric(PCT_ALCOHOL_UNDER_6M, "% of alcohol clients in treatment",
                    "Time-averaged share of alcohol-only clients in treatment whose unbroken stay is under 6 months", NEUTRAL),
            new Metric(PCT_GROUP_PREFIX + "opiate", "% of people in treatment",
                    "Time-averaged share of people in treatment who are opiate clients", NEUTRAL),
            new Metric(PCT_GROUP_PREFIX + "non_opiate", "% of people in treatment",
                    "Time-averaged share of people in treatment who are non-opiate-only clients", NEUTRAL),
            new Metric(PCT_GROUP_PREFIX + "non_opiate_and_alcohol", "% of people in treatment",
                    "Time-averaged share of people in treatment who use non-opiates and alcohol", NEUTRAL),
            new Metric(PCT_GROUP_PREFIX + "alcohol", "% of people in treatment",
                    "Time-averaged share of people in treatment who are alcohol-only clients", NEUTRAL),
            // Descriptive: under a cut, lower spend is the premise, not a finding.
            new Metric(SPEND_PER_YEAR, "GBP per year",
                    "Staff, places, medication and overheads spent per year", NEUTRAL),
            new Metric(COST_PER_COMPLETION, "GBP per completion",
                    "Spend divided by successful completions over the period", LOWER_IS_BETTER));

    /** Deaths in treatment as a share, then the leaver-cohort shares: after {@link #CORE}, before the pathways. */
    private static final List<Metric> OUTCOMES = outcomeMetrics();

    /** Name of the share of leavers not back in treatment within {@code years} (suffixes: reason, group). */
    public static String leaverCohortName(int years) {
        return LEAVERS_NOT_RETURNED_PREFIX + years + "y";
    }

    private static List<Metric> outcomeMetrics() {
        List<Metric> m = new ArrayList<>();
        m.add(new Metric(PCT_DIED_IN_TREATMENT, "% of people in treatment",
                "Deaths while in treatment in a year as % of everyone in treatment at any time that year (the national "
                        + "statistics' form), pooled over the reported years", LOWER_IS_BETTER));
        // Neutral: not coming back can mean recovery, death, or being turned away by waits, so higher is not simply better.
        for (int y : LEAVER_HORIZON_YEARS) {
            String n = leaverCohortName(y);
            String within = " not back in treatment within " + y + (y == 1 ? " year" : " years")
                    + " (pooled over reporting years with the whole follow-up in the window; empty otherwise)";
            m.add(new Metric(n, "% of leavers", "People leaving treatment alive (completed or dropped out)" + within, NEUTRAL));
            m.add(new Metric(n + "_completed", "% of leavers", "People completing treatment" + within, NEUTRAL));
            m.add(new Metric(n + "_dropped_out", "% of leavers", "People dropping out of treatment" + within, NEUTRAL));
            for (String g : GROUP_KEYS) {
                m.add(new Metric(n + "_" + g, "% of leavers", g + " clients leaving treatment alive" + within, NEUTRAL));
            }
        }
        return List.copyOf(m);
    }

    /**
     * The headline metrics: shown first in reports and used by {@code --precision} to decide
     * when there are enough replications.
     */
    public static final List<String> HEADLINE = List.of(IN_TREATMENT_MEAN, WAIT_DAYS_MEAN, COMPLETIONS_PER_YEAR,
            DEATHS_PER_YEAR, CASELOAD_PER_WORKER_MEAN, SPEND_PER_YEAR);

    private Metrics() {
    }

    /**
     * Every metric a name could have for these pathways: the core, outcome, referral and
     * cost-line metrics followed by the per-pathway metrics of each pathway, in order. A superset of what a replication reports
     * (caseload per FTE exists only for caseload pathways): use it to recognise names; use
     * {@link #forPathways(Collection, Collection)} for the metrics of a replication.
     */
    public static List<Metric> forPathways(Collection<String> pathwayNames) {
        return forPathways(pathwayNames, pathwayNames);
    }

    /**
     * The metrics a replication reports, in its order: the core, outcome, referral and cost-line
     * metrics, then each pathway's, with caseload per FTE only for {@code caseloadPathways}
     * (elsewhere there is no staff ratio). Still a superset in one respect: funded FTE and places
     * are listed for every pathway, though a replication reports FTE only for pathways with staff
     * and places only for places pathways (the others read as undefined).
     */
    public static List<Metric> forPathways(Collection<String> pathwayNames, Collection<String> caseloadPathways) {
        List<Metric> all = new ArrayList<>(CORE);
        all.addAll(OUTCOMES);
        for (String p : pathwayNames) {
            all.add(new Metric(IN_TREATMENT_PREFIX + p, "people",
                    "Time-averaged number in pathway " + p, NEUTRAL));
            all.add(new Metric(PATHWAY_WAITING_PREFIX + p, "people",
                    "Time-averaged number waiting for a place in pathway " + p, LOWER_IS_BETTER));
            all.add(new Metric(ENTRIES_PREFIX + p, "entries per year",
                    "Entries into pathway " + p + " per year (from assessment or by transfer)", NEUTRAL));
            all.add(new Metric(STAY_PREFIX + p, "days",
                    "Mean length of stays in pathway " + p + " that ended in the period", NEUTRAL));
            if (caseloadPathways.contains(p)) all.add(new Metric(CASELOAD_PREFIX + p, "clients per FTE",
                    "Time-averaged clients per FTE in pathway " + p + " (caseload pathways only; undefined while no staff are funded)", LOWER_IS_BETTER));
            all.add(new Metric(PATHWAY_COMPLETIONS_PREFIX + p, "completions per year",
                    "Successful completions of pathway " + p + " per year (treatment pathways)", HIGHER_IS_BETTER));
            all.add(new Metric(PATHWAY_SPEND_PREFIX + p, "GBP per year",
                    "Staff, places and medication of pathway " + p + " per year", NEUTRAL));
        }
        all.addAll(referralsAndCostLines(pathwayNames));
        return List.copyOf(all);
    }

    // ---------------------------------------------------------------- referrals by kind, and cost lines

    public static final String NEW_REFERRALS_PER_MONTH = "new_referrals_per_month";
    public static final String REPRESENTATIONS_PER_MONTH = "representations_per_month";
    public static final String REREFERRALS_PER_MONTH = "rereferrals_after_dropping_away_per_month";
    public static final String ALL_REFERRALS_PER_MONTH = "all_referrals_per_month";
    public static final String PEOPLE_REFERRED_PER_YEAR = "people_referred_per_year";
    public static final String COST_STAFF_PER_YEAR = "cost_staff_per_year";
    public static final String COST_PLACES_PER_YEAR = "cost_places_per_year";
    public static final String COST_MEDICATION_PER_YEAR = "cost_medication_per_year";
    public static final String COST_ASSESSMENT_PER_YEAR = "cost_assessment_per_year";
    public static final String COST_OVERHEADS_PER_YEAR = "cost_overheads_per_year";
    public static final String MEDICATION_UNIT_COST_INDEX = "medication_unit_cost_index";
    public static final String ASSESSORS_MEAN = "assessors_mean";
    /** Funded FTE of a pathway with staff (every caseload pathway, and any other with staff_fte above 0). */
    public static final String FTE_PREFIX = "fte_mean_";
    /** Funded places of a places pathway. */
    public static final String PLACES_PREFIX = "places_mean_";
    /** The cost lines whose sum is {@link #SPEND_PER_YEAR}, in report order. */
    public static final List<String> COST_LINES = List.of(COST_STAFF_PER_YEAR, COST_PLACES_PER_YEAR,
            COST_MEDICATION_PER_YEAR, COST_ASSESSMENT_PER_YEAR, COST_OVERHEADS_PER_YEAR);

    private static List<Metric> referralsAndCostLines(Collection<String> pathwayNames) {
        List<Metric> m = new ArrayList<>(List.of(
                new Metric(NEW_REFERRALS_PER_MONTH, "referrals per month",
                        "First referrals of people new to the service, per month", NEUTRAL),
                new Metric(REPRESENTATIONS_PER_MONTH, "referrals per month",
                        "Referrals of people who left the service after being placed (completed, dropped out, left the "
                                + "recovery community, or gave up waiting to move on to another pathway) and relapsed, per month", LOWER_IS_BETTER),
                new Metric(REREFERRALS_PER_MONTH, "referrals per month",
                        "Referrals of people who had dropped away while waiting (for assessment or a place) without "
                                + "starting treatment on that referral, per month", LOWER_IS_BETTER),
                new Metric(ALL_REFERRALS_PER_MONTH, "referrals per month",
                        "Every referral: new, re-presentations and re-referrals after dropping away, per month", NEUTRAL),
                new Metric(PEOPLE_REFERRED_PER_YEAR, "people per year",
                        "Distinct people referred at least once in a year (mean over whole reported years)", NEUTRAL),
                new Metric(COST_STAFF_PER_YEAR, "GBP per year",
                        "Cost line: pathway staff (funded FTE x cost per FTE) per year", NEUTRAL),
                new Metric(COST_PLACES_PER_YEAR, "GBP per year",
                        "Cost line: funded places (places x cost per place-week) per year", NEUTRAL),
                new Metric(COST_MEDICATION_PER_YEAR, "GBP per year",
                        "Cost line: medication (client-days x cost per client-day x unit-cost index) per year", NEUTRAL),
                new Metric(COST_ASSESSMENT_PER_YEAR, "GBP per year",
                        "Cost line: assessors (funded assessors x cost per assessor) per year", NEUTRAL),
                new Metric(COST_OVERHEADS_PER_YEAR, "GBP per year",
                        "Cost line: overheads per year", NEUTRAL),
                new Metric(MEDICATION_UNIT_COST_INDEX, "% of configured unit cost",
                        "Time-averaged medication unit cost as % of the scenario's costs (below 100 after renegotiation)",
                        NEUTRAL),
                new Metric(ASSESSORS_MEAN, "assessors",
                        "Time-averaged number of funded assessors", NEUTRAL)));
        for (String p : pathwayNames) {
            m.add(new Metric(FTE_PREFIX + p, "FTE",
                    "Time-averaged funded staff FTE of pathway " + p + " (pathways with staff)", NEUTRAL));
            m.add(new Metric(PLACES_PREFIX + p, "places",
                    "Time-averaged funded places of pathway " + p + " (places pathways)", NEUTRAL));
        }
        return m;
    }

    /** Monthly series names and units, in output order. */
    public static final List<Metric> MONTHLY = List.of(
            new Metric(M_IN_TREATMENT, "people", "Time-averaged number in treatment in the month", NEUTRAL),
            new Metric(M_WAITING_LIST, "people", "Time-averaged number waiting in the month", LOWER_IS_BETTER),
            new Metric(M_CASELOAD_PER_WORKER, "clients per FTE", "Time-averaged caseload per keyworker FTE in the month", LOWER_IS_BETTER),
            new Metric(M_KEYWORKER_FTE, "FTE", "Time-averaged keyworker FTE in the month", NEUTRAL),
            new Metric(M_REFERRALS, "referrals", "Referrals in the month: new and re-presenting, as referrals_per_month", NEUTRAL),
            new Metric(M_COMPLETIONS, "completions", "Successful completions in the month", HIGHER_IS_BETTER),
            new Metric(M_DEATHS, "deaths", "Deaths counted in the month (in treatment, while waiting and after exit)", LOWER_IS_BETTER),
            new Metric(M_SPEND, "GBP", "Spend in the month", NEUTRAL));
}
