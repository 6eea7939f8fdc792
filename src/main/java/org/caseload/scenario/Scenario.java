package org.caseload.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fully resolved, validated scenario: every parameter of one simulated treatment system.
 * Times are in days unless a name says otherwise; months are reporting months (month 0 is
 * the end of the warm-up), each 365.25/12 days long.
 *
 * <p>Instances are immutable. {@link ScenarioReader} builds them from files and reports
 * mistakes with file and line; the compact constructors here are a second line of defence
 * for scenarios built in code (tests, calibration).
 */
public record Scenario(
        String name,
        String description,
        int horizonMonths,
        int warmupMonths,
        Arrivals arrivals,
        ClientMix clients,
        Assessment assessment,
        List<RouteRule> routing,
        Map<String, Pathway> pathways,
        Effects effects,
        AfterExit afterExit,
        Mortality mortality,
        Budget budget,
        Map<String, Integer> initialCaseload,
        List<Target> targets) {

    public static final double DAYS_PER_MONTH = 365.25 / 12;
    public static final double DAYS_PER_YEAR = 365.25;

    public Scenario {
        if (horizonMonths < 1) throw new IllegalArgumentException("horizon_months must be >= 1");
        if (warmupMonths < 0) throw new IllegalArgumentException("warmup_months must be >= 0");
        routing = List.copyOf(routing);
        pathways = Collections.unmodifiableMap(new LinkedHashMap<>(pathways));
        initialCaseload = Collections.unmodifiableMap(new LinkedHashMap<>(initialCaseload));
        targets = List.copyOf(targets);
        for (String p : initialCaseload.keySet()) {
            if (!pathways.containsKey(p)) throw new IllegalArgumentException("initial caseload names unknown pathway " + p);
        }
    }

    /**
     * A figure the scenario claims to reproduce: the replication 95% CI of {@code metric}
     * must lie within {@code tolerancePct}% of {@code value}. Checked by the test suite.
     */
    public record Target(String metric, double value, double tolerancePct, String source) {
        public double low() {
            return value - Math.abs(value) * tolerancePct / 100;
        }

        public double high() {
            return value + Math.abs(value) * tolerancePct / 100;
        }
    }

    /** The same scenario with another run length and start (used by warm-up analysis and tests). */
    public Scenario withRun(int newHorizonMonths, int newWarmupMonths, Map<String, Integer> newInitialCaseload, Budget newBudget) {
        return new Scenario(name, description, newHorizonMonths, newWarmupMonths, arrivals, clients, assessment, routing,
                pathways, effects, afterExit, mortality, newBudget, newInitialCaseload, targets);
    }

    /** The same scenario with other referrals (used by the steady-state search, which leaves out demand steps and trend). */
    public Scenario withArrivals(Arrivals newArrivals) {
        return new Scenario(name, description, horizonMonths, warmupMonths, newArrivals, clients, assessment, routing,
                pathways, effects, afterExit, mortality, budget, initialCaseload, targets);
    }

    public double warmupDays() {
        return warmupMonths * DAYS_PER_MONTH;
    }

    public double horizonDays() {
        return horizonMonths * DAYS_PER_MONTH;
    }

    /** Names of the pathways whose capacity is a caseload of keyworkers, in order. */
    public List<String> caseloadPathways() {
        return pathways.values().stream().filter(p -> p.capacity().kind() == CapacityKind.CASELOAD).map(Pathway::name).toList();
    }

    /** Referrals of new clients. Rate is per month; multipliers apply by reporting month. */
    public record Arrivals(double ratePerMonth, double[] seasonalityMultipliers, double trendPctPerYear,
                           List<Step> steps) {
        public Arrivals {
            if (!(ratePerMonth >= 0)) throw new IllegalArgumentException("rate_per_month must be >= 0");
            if (seasonalityMultipliers.length != 12) throw new IllegalArgumentException("need 12 seasonality multipliers");
            seasonalityMultipliers = seasonalityMultipliers.clone();
            steps = List.copyOf(steps);
        }

        /** From reporting month {@code fromMonth} on, the rate is multiplied by {@code multiplier}. */
        public record Step(double fromMonth, double multiplier) {
        }
    }

    /**
     * The mix of new referrals. Arrays are indexed by enum ordinal.
     *
     * @param groupShares             share of new referrals in each group (sum 1)
     * @param complexityShares        per group, shares of low/medium/high/very high (each row sums to 1)
     * @param readyToChange           per group, probability of being "likely to change and wants to change"
     * @param previousEpisodesShares  per group, share with 0, 1, 2, ... previous episodes (each row sums to 1)
     */
    public record ClientMix(double[] groupShares, double[][] complexityShares, double[] readyToChange,
                            double[][] previousEpisodesShares) {
    }

    /**
     * Assessment: {@code workers} parallel assessors (servers), each assessment taking a
     * service time; people waiting longer than their patience drop away.
     */
    public record Assessment(int workers, Distribution serviceDays, Distribution patienceDays,
                             double costPerWorkerGbp) {
        public Assessment {
            if (workers < 0) throw new IllegalArgumentException("assessment workers must be >= 0");
        }
    }

    /**
     * First matching rule wins. An empty set matches anything. {@code split} maps pathway
     * names to shares summing to 1.
     */
    public record RouteRule(Set<Group> groups, Set<Complexity> complexities, Set<Readiness> readiness,
                            Map<String, Double> split) {
        public RouteRule {
            groups = Set.copyOf(groups);
            complexities = Set.copyOf(complexities);
            readiness = Set.copyOf(readiness);
            split = Collections.unmodifiableMap(new LinkedHashMap<>(split));
        }

        public boolean matches(Group g, Complexity c, Readiness r) {
            return (groups.isEmpty() || groups.contains(g))
                    && (complexities.isEmpty() || complexities.contains(c))
                    && (readiness.isEmpty() || readiness.contains(r));
        }
    }

    public enum CapacityKind { CASELOAD, PLACES, OPEN }

    public enum FullPolicy { QUEUE, STRETCH, STRETCH_THEN_QUEUE }

    /**
     * One pathway of care.
     *
     * @param treatment    whether people here count as "in treatment" (false for the recovery community)
     * @param prescribing  whether leaving it brings the post-exit mortality spike
     * @param capacity     staff, caseloads or places
     * @param whenFull     what happens to a new client when there is no room
     * @param patienceDays how long people wait for a place before dropping away (null: forever)
     * @param costs        what staff, medication and places cost
     * @param episodes     how episodes end, by group
     * @param transferTo   where transfers go, with shares (empty: transferred out of the system)
     * @param onCompletion probability of moving on to another pathway after completing
     */
    public record Pathway(String name, boolean treatment, boolean prescribing, Capacity capacity, FullPolicy whenFull,
                          Distribution patienceDays, Costs costs, ByGroup<Episode> episodes, Map<String, Double> transferTo,
                          Map<String, Double> onCompletion) {
        public Pathway {
            transferTo = Collections.unmodifiableMap(new LinkedHashMap<>(transferTo));
            onCompletion = Collections.unmodifiableMap(new LinkedHashMap<>(onCompletion));
            if (capacity.staffFte() < 0 || capacity.places() < 0) throw new IllegalArgumentException("negative capacity in " + name);
        }
    }

    /**
     * A pathway's capacity (the YAML's {@code capacity} section).
     *
     * @param staffFte          keyworker FTE (caseload kind)
     * @param caseloadPerFte    target caseload per FTE (caseload kind); pressure starts above it
     * @param maxCaseloadPerFte hard limit for stretch-then-queue
     * @param places            places or beds (places kind)
     */
    public record Capacity(CapacityKind kind, double staffFte, double caseloadPerFte, double maxCaseloadPerFte, int places) {
        /** Whether the pathway has funded staff, and so a funded-FTE metric: every caseload pathway, any other with staff. */
        public boolean hasStaff() {
            return kind == CapacityKind.CASELOAD || staffFte > 0;
        }
    }

    /** A pathway's costs (the YAML's {@code costs} section), all in GBP. */
    public record Costs(double staffPerFteGbp, double medicationPerClientDayGbp, double placePerWeekGbp) {
    }

    /**
     * How an episode ends, for one group: the base weights of the three ways of leaving
     * (before complexity, history and caseload-pressure adjustments), and the time to each.
     */
    public record Episode(double pComplete, Distribution completeDays, double pDropout, Distribution dropoutDays,
                          double pTransfer, Distribution transferDays) {
        public Episode {
            double sum = pComplete + pDropout + pTransfer;
            if (Math.abs(sum - 1) > 1e-6) throw new IllegalArgumentException("episode outcome probabilities sum to " + sum);
        }
    }

    /**
     * Modifiers of the completion chance.
     *
     * @param completionOddsByComplexity      multiplier of the completion weight per complexity level
     * @param completionOddsPerPreviousEpisode multiplier per previous episode (compounded)
     * @param pressureCompletion              k in completion × 1/(1 + k·x), x = caseload/target − 1 when positive
     * @param pressureDropout                 k in drop-out × (1 + k·x)
     */
    public record Effects(double[] completionOddsByComplexity, double completionOddsPerPreviousEpisode,
                          double pressureCompletion, double pressureDropout) {
    }

    /**
     * What happens after leaving: relapse (probability by group, then time to relapse), then
     * re-presentation (probability by group, then delay). Completing the recovery community
     * multiplies the relapse probability. People who dropped away while waiting (never
     * started, still using) are referred again with {@code rereferralProbability} after
     * {@code rereferralDelayDays}.
     */
    public record AfterExit(ByGroup<Double> relapseAfterCompletion, Distribution relapseAfterCompletionDays,
                            ByGroup<Double> relapseAfterDropout, Distribution relapseAfterDropoutDays,
                            double recoveryCommunityRelapseMultiplier, ByGroup<Double> representProbability,
                            Distribution representDelayDays, double followupDays,
                            ByGroup<Double> rereferralProbability, Distribution rereferralDelayDays) {
    }

    /**
     * Mortality rates per 1,000 person-years. After leaving a prescribing pathway the hazard
     * is the in-treatment rate times the spike multipliers for weeks 1–2 and 3–4, then the
     * out-of-treatment rate.
     */
    public record Mortality(ByGroup<Double> inTreatmentPer1000, ByGroup<Double> outOfTreatmentPer1000,
                            double postExitMultiplierWeeks1To2, double postExitMultiplierWeeks3To4) {
    }

    /**
     * How a budget change is shared out. SHARED (the default) spreads it over every cost line by
     * weights, short term and after re-tendering; PROPORTIONAL pays overheads and medication
     * first and scales staff, places and assessors by what is left; PROTECT does the same but
     * keeps the listed items whole while the money lasts.
     */
    public enum AllocationRule { SHARED, PROPORTIONAL, PROTECT }

    /**
     * Budget. {@code annualGbp} NaN means "the annual cost of the whole system at the first change". Changes
     * are percentages of the base budget (not compounded), from a reporting month on.
     *
     * @param retenderAfterMonths months from a change until the contract is re-tendered (rule
     *                            shared): {@code shortTerm} weights apply until then,
     *                            {@code afterRetender} weights after
     */
    public record Budget(double annualGbp, double overheadsPerYearGbp, List<Change> changes, AllocationRule rule,
                         Set<String> protect, double retenderAfterMonths, LineWeights shortTerm, LineWeights afterRetender) {
        /** The name that, in {@code protect}, stands for the assessment team rather than a pathway. */
        public static final String ASSESSMENT = "assessment";
        /** Contract year: what is fixed in the short term can be renegotiated at the next tender. */
        public static final double DEFAULT_RETENDER_AFTER_MONTHS = 12;
        /** Short term: medication prices fixed by existing contracts, half the overheads fixed (assumptions). */
        public static final LineWeights DEFAULT_SHORT_TERM = new LineWeights(1, 1, 1, 0, 0.5);
        /** After re-tendering: every line moves, medication unit costs half as much (assumption). */
        public static final LineWeights DEFAULT_AFTER_RETENDER = new LineWeights(1, 1, 1, 0.5, 1);

        public Budget {
            changes = List.copyOf(changes);
            protect = Set.copyOf(protect);
            if (!(retenderAfterMonths >= 0)) throw new IllegalArgumentException("retender_after_months must be >= 0");
        }

        /** A budget with the default sharing parameters (used where a scenario is built in code). */
        public Budget(double annualGbp, double overheadsPerYearGbp, List<Change> changes, AllocationRule rule,
                      Set<String> protect) {
            this(annualGbp, overheadsPerYearGbp, changes, rule, protect, DEFAULT_RETENDER_AFTER_MONTHS, DEFAULT_SHORT_TERM,
                    DEFAULT_AFTER_RETENDER);
        }

        /** The same budget with other changes (the sharing rule and its parameters kept). */
        public Budget withChanges(double newAnnualGbp, List<Change> newChanges) {
            return new Budget(newAnnualGbp, overheadsPerYearGbp, newChanges, rule, protect, retenderAfterMonths, shortTerm,
                    afterRetender);
        }

        /** Whether the protect rule shields pathway {@code pathway} from cuts. */
        public boolean protects(String pathway) {
            return protect.contains(pathway);
        }

        public boolean protectsAssessment() {
            return protect.contains(ASSESSMENT);
        }

        public record Change(double fromMonth, double changePct) {
        }
    }

    /**
     * Weights of the cost lines in sharing a budget change (rule shared): each line takes a
     * part of the change in proportion to its cost × its weight. 0 keeps a line fixed; with
     * every weight 1 each line moves by the change's percentage.
     *
     * @param staff              pathway staff (every pathway's FTE)
     * @param places             funded places (beds, programme places)
     * @param assessment         assessors
     * @param medicationUnitCost the medication cost per client-day (demand still sets the client-days)
     * @param overheads          overheads
     */
    public record LineWeights(double staff, double places, double assessment, double medicationUnitCost, double overheads) {
        public LineWeights {
            for (double w : new double[] {staff, places, assessment, medicationUnitCost, overheads}) {
                if (!(w >= 0)) throw new IllegalArgumentException("cost-line weights must be >= 0");
            }
        }
    }
}
