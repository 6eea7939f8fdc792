package org.caseload.model;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.caseload.engine.Engine;
import org.caseload.engine.Engine.Priority;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.Scenario.AllocationRule;

/**
 * Turns money into staff, places, assessors, a medication unit cost and overheads, and
 * staff, places and medication into spend (through {@link CostLines}).
 *
 * <p>At each budget change the new budget is the base budget × (1 + change%). The base
 * budget is {@code annual_gbp} if given (applied at month 0), otherwise the annual cost of
 * the configured system at the first change that is not 0%: a 0% change before it changes
 * nothing, not even the base a later change is measured against. Medication is demand-driven: its cost a year is
 * taken as the people on each pathway now × its cost per client-day. Three rules share a
 * change out:
 * <ul>
 *   <li><b>shared</b> (default): the change is spread over the cost lines — staff of every
 *       pathway, places, assessors, the medication unit cost, overheads — in proportion to
 *       each line's cost × its weight ({@link SharedAllocation}). The short-term weights apply
 *       from the change; the after-re-tendering weights {@code retender_after_months} later
 *       (a later change restarts the clock). Both phases share the same change, costed at
 *       the moment of the change: re-tendering moves the lines by the same money as the
 *       short-term phase even if medication demand has moved in between.</li>
 *   <li><b>proportional</b>: overheads and medication are paid first and what is left pays
 *       for staff, places and assessors, scaled alike. A 10% cut then removes far more than
 *       10% of staff.</li>
 *   <li><b>protect</b>: as proportional, but the listed pathways (and assessment) keep their
 *       money while it lasts.</li>
 * </ul>
 */
final class Budget {
    /**
     * What the money buys from a budget change on: FTE and places per pathway (indexed by
     * {@link PathwayState#index}), the number of assessors, the medication unit-cost factor
     * (1 = the scenario's costs) and the overheads a year.
     */
    record Allocation(double[] fte, long[] places, long assessors, double medicationFactor, double overheadsPerYearGbp) {
    }

    private final Scenario scenario;
    private final List<PathwayState> pathways;
    private final Level assessors;
    private final CostLines lines;
    private double base = Double.NaN;
    /** Counts budget changes, so that the re-tendering of a change overtaken by another is skipped. */
    private int changesMade;

    /** @param assessors the funded assessors, read for costs (the budget never sets them itself) */
    Budget(Scenario scenario, List<PathwayState> pathways, Level assessors, Window window) {
        this.scenario = scenario;
        this.pathways = pathways;
        this.assessors = assessors;
        this.lines = new CostLines(scenario, pathways, assessors, window);
    }

    /** Schedules the budget's changes; {@code apply} puts each allocation's staff, places and assessors into effect. */
    void schedule(Engine engine, Consumer<Allocation> apply) {
        Scenario.Budget b = scenario.budget();
        double start = scenario.warmupDays();
        Consumer<Allocation> applyAll = a -> {
            lines.set(engine.now(), a.overheadsPerYearGbp(), a.medicationFactor());
            apply.accept(a);
        };
        if (!Double.isNaN(b.annualGbp())) {
            engine.at(start, Priority.SYSTEM, () -> {
                base = b.annualGbp();
                change(engine, base, applyAll);
            });
        }
        for (Scenario.Budget.Change c : b.changes()) {
            engine.at(start + c.fromMonth() * Scenario.DAYS_PER_MONTH, Priority.SYSTEM, () -> {
                if (Double.isNaN(base)) {
                    if (c.changePct() == 0) return; // the configured system's own budget: nothing changes, nor the base
                    base = annualCostRate();
                }
                change(engine, base * (1 + c.changePct() / 100), applyAll);
            });
        }
    }

    /** A new budget of {@code target} a year from now: applied by the rule, and under rule shared re-tendered later. */
    private void change(Engine engine, double target, Consumer<Allocation> apply) {
        Scenario.Budget b = scenario.budget();
        if (b.rule() != AllocationRule.SHARED) {
            apply.accept(allocate(target));
            return;
        }
        int change = ++changesMade;
        double[] costs = lineCosts();
        if (b.retenderAfterMonths() <= 0) {
            apply.accept(shared(costs, target, b.afterRetender()));
            return;
        }
        apply.accept(shared(costs, target, b.shortTerm()));
        engine.at(engine.now() + b.retenderAfterMonths() * Scenario.DAYS_PER_MONTH, Priority.SYSTEM, () -> {
            if (change == changesMade) apply.accept(shared(costs, target, b.afterRetender()));
        });
    }

    /** Current annual cost if today's staffing, places and caseloads continued for a year (at configured unit costs). */
    double annualCostRate() {
        double cost = scenario.budget().overheadsPerYearGbp() + medicationRate();
        for (PathwayState p : pathways) cost += staffAndPlacesCost(p, p.fte.value(), p.places.value());
        cost += assessors.value() * scenario.assessment().costPerWorkerGbp();
        return cost;
    }

    private double medicationRate() {
        double m = 0;
        for (PathwayState p : pathways) m += p.size() * p.spec.costs().medicationPerClientDayGbp() * Scenario.DAYS_PER_YEAR;
        return m;
    }

    private static double staffAndPlacesCost(PathwayState p, double fte, double places) {
        return fte * p.spec.costs().staffPerFteGbp() + places * p.spec.costs().placePerWeekGbp() * Scenario.DAYS_PER_YEAR / 7;
    }

    // ---------------------------------------------------------------- rule shared

    /**
     * The cost lines a year of the configured system at today's demand, in the order of
     * {@link #shared}: staff of each pathway, places of each pathway, assessors, medication,
     * overheads.
     */
    double[] lineCosts() {
        int n = pathways.size();
        double[] c = new double[2 * n + 3];
        for (PathwayState p : pathways) {
            c[p.index] = staffAndPlacesCost(p, p.spec.capacity().staffFte(), 0);
            c[n + p.index] = staffAndPlacesCost(p, 0, p.spec.capacity().places());
        }
        c[2 * n] = scenario.assessment().workers() * scenario.assessment().costPerWorkerGbp();
        c[2 * n + 1] = medicationRate();
        c[2 * n + 2] = scenario.budget().overheadsPerYearGbp();
        return c;
    }

    /** The lines' weights in the order of {@link #lineCosts}. */
    double[] lineWeights(Scenario.LineWeights w) {
        int n = pathways.size();
        double[] x = new double[2 * n + 3];
        java.util.Arrays.fill(x, 0, n, w.staff());
        java.util.Arrays.fill(x, n, 2 * n, w.places());
        x[2 * n] = w.assessment();
        x[2 * n + 1] = w.medicationUnitCost();
        x[2 * n + 2] = w.overheads();
        return x;
    }

    /** Rule shared: {@code target} a year spread over the lines {@code costs} by the weights {@code w}. */
    Allocation shared(double[] costs, double target, Scenario.LineWeights w) {
        double sum = 0;
        for (double c : costs) sum += c;
        double[] f = SharedAllocation.factors(costs, lineWeights(w), target - sum);
        int n = pathways.size();
        double[] fte = new double[n];
        long[] places = new long[n];
        for (PathwayState p : pathways) {
            fte[p.index] = p.spec.capacity().staffFte() * f[p.index];
            places[p.index] = Math.round(p.spec.capacity().places() * f[n + p.index]);
        }
        long assessorsFunded = Math.round(scenario.assessment().workers() * f[2 * n]);
        return new Allocation(fte, places, assessorsFunded, f[2 * n + 1], scenario.budget().overheadsPerYearGbp() * f[2 * n + 2]);
    }

    // ---------------------------------------------------------------- rules proportional and protect

    /** Shares {@code target} a year out: overheads and medication first, the rest by the allocation rule. */
    Allocation allocate(double target) {
        Scenario.Budget b = scenario.budget();
        boolean protectRule = b.rule() == AllocationRule.PROTECT;
        double available = target - b.overheadsPerYearGbp() - medicationRate();
        double protectedBase = 0;
        double flexibleBase = 0;
        for (PathwayState p : pathways) {
            double c = staffAndPlacesCost(p, p.spec.capacity().staffFte(), p.spec.capacity().places());
            if (protectRule && b.protects(p.spec.name())) protectedBase += c;
            else flexibleBase += c;
        }
        double assessmentBase = scenario.assessment().workers() * scenario.assessment().costPerWorkerGbp();
        boolean assessmentProtected = protectRule && b.protectsAssessment();
        if (assessmentProtected) protectedBase += assessmentBase;
        else flexibleBase += assessmentBase;

        double sProtected = 1;
        double sFlexible;
        if (!protectRule) {
            sFlexible = ratio(available, flexibleBase);
        } else if (available >= protectedBase) {
            sFlexible = ratio(available - protectedBase, flexibleBase);
        } else {
            sProtected = ratio(available, protectedBase);
            sFlexible = 0;
        }
        double[] fte = new double[pathways.size()];
        long[] places = new long[pathways.size()];
        for (PathwayState p : pathways) {
            double s = protectRule && b.protects(p.spec.name()) ? sProtected : sFlexible;
            fte[p.index] = p.spec.capacity().staffFte() * s;
            places[p.index] = Math.round(p.spec.capacity().places() * s);
        }
        double sAssess = assessmentProtected ? sProtected : sFlexible;
        return new Allocation(fte, places, Math.round(scenario.assessment().workers() * sAssess), 1,
                b.overheadsPerYearGbp());
    }

    private static double ratio(double money, double baseCost) {
        if (baseCost <= 0) return 1;
        return Math.max(0, money / baseCost);
    }

    /** Total spend over the reporting window (levels must have been advanced to its end). */
    double spend(double years) {
        return lines.total();
    }

    /** Spend on one pathway over the window: its staff, places and medication. */
    double spend(PathwayState p) {
        return lines.spend(p);
    }

    double[] monthlySpend() {
        return lines.monthly();
    }

    /** The cost-line metrics (see {@link CostLines#metrics}). */
    Map<String, Double> costLines(double years) {
        return lines.metrics(years);
    }
}
