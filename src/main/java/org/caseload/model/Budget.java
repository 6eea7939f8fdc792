package org.caseload.model;

import java.util.List;
import java.util.function.Consumer;
import org.caseload.engine.Engine;
import org.caseload.engine.Engine.Priority;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.Scenario.AllocationRule;

/**
 * Turns money into staff and places, and staff, places and medication into spend.
 *
 * <p>At each budget change the new budget is the base budget × (1 + change%). Overheads and
 * medication are committed first (medication is demand-driven: the current number of
 * people on each pathway × its cost per client-day), and what is left pays for staff and
 * places, shared by the allocation rule. That is why a 10% cut removes more than 10% of
 * staff. The base budget is {@code annual_gbp} if given (applied at month 0), otherwise the
 * annual cost of the configured system at the first change.
 */
final class Budget {
    /**
     * What the money buys from a budget change on: FTE and places per pathway (indexed by
     * {@link PathwayState#index}) and the number of assessors.
     */
    record Allocation(double[] fte, long[] places, long assessors) {
    }

    private final Scenario scenario;
    private final List<PathwayState> pathways;
    private final Level assessors;
    private double base = Double.NaN;

    /** @param assessors the funded assessors, read for costs (the budget never sets them itself) */
    Budget(Scenario scenario, List<PathwayState> pathways, Level assessors) {
        this.scenario = scenario;
        this.pathways = pathways;
        this.assessors = assessors;
    }

    /** Schedules the budget's changes; {@code apply} puts each allocation into effect. */
    void schedule(Engine engine, Consumer<Allocation> apply) {
        Scenario.Budget b = scenario.budget();
        double start = scenario.warmupDays();
        if (!Double.isNaN(b.annualGbp())) {
            engine.at(start, Priority.SYSTEM, () -> {
                base = b.annualGbp();
                apply.accept(allocate(base));
            });
        }
        for (Scenario.Budget.Change c : b.changes()) {
            engine.at(start + c.fromMonth() * Scenario.DAYS_PER_MONTH, Priority.SYSTEM, () -> {
                if (Double.isNaN(base)) base = annualCostRate();
                apply.accept(allocate(base * (1 + c.changePct() / 100)));
            });
        }
    }

    /** Current annual cost if today's staffing, places and caseloads continued for a year. */
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
        return new Allocation(fte, places, Math.round(scenario.assessment().workers() * sAssess));
    }

    private static double ratio(double money, double baseCost) {
        if (baseCost <= 0) return 1;
        return Math.max(0, money / baseCost);
    }

    /** Total spend over the reporting window (levels must have been advanced to its end). */
    double spend(double years) {
        double s = scenario.budget().overheadsPerYearGbp() * years;
        for (PathwayState p : pathways) s += spend(p);
        s += assessors.integral() * scenario.assessment().costPerWorkerGbp() / Scenario.DAYS_PER_YEAR;
        return s;
    }

    /** Spend on one pathway over the window: its staff, places and medication. */
    static double spend(PathwayState p) {
        return p.occupancy.integral() * p.spec.costs().medicationPerClientDayGbp()
                + p.fte.integral() * p.spec.costs().staffPerFteGbp() / Scenario.DAYS_PER_YEAR
                + p.places.integral() * p.spec.costs().placePerWeekGbp() / 7;
    }

    double[] monthlySpend() {
        int months = scenario.horizonMonths();
        double[] s = new double[months];
        java.util.Arrays.fill(s, scenario.budget().overheadsPerYearGbp() / 12);
        for (PathwayState p : pathways) {
            add(s, p.occupancy.monthlyIntegrals(), p.spec.costs().medicationPerClientDayGbp());
            add(s, p.fte.monthlyIntegrals(), p.spec.costs().staffPerFteGbp() / Scenario.DAYS_PER_YEAR);
            add(s, p.places.monthlyIntegrals(), p.spec.costs().placePerWeekGbp() / 7);
        }
        add(s, assessors.monthlyIntegrals(), scenario.assessment().costPerWorkerGbp() / Scenario.DAYS_PER_YEAR);
        return s;
    }

    private static void add(double[] into, double[] integrals, double factor) {
        for (int i = 0; i < into.length; i++) into[i] += integrals[i] * factor;
    }
}
