package org.caseload.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.Scenario.CapacityKind;

/**
 * What the money was spent on, line by line: pathway staff, places, medication, assessors and
 * overheads, over the reporting window and month by month. Staff, places and assessors are
 * levels kept by their owners; this class keeps the two lines a budget change can move
 * without changing capacity: the overheads a year, and the medication unit-cost factor
 * (medication is client-days × cost per client-day × factor, so demand still sets the
 * client-days). Medication is settled at every change of factor, from the occupancy levels'
 * integrals, so each stretch of time is costed at its own factor.
 */
final class CostLines {
    private final Scenario scenario;
    private final List<PathwayState> pathways;
    private final Level assessors;
    private final Window window;
    private final Level overheadsPerYear;
    private final Level medicationIndex;
    private double medicationFactor = 1;
    /** Per pathway: medication spend settled so far, in total and by month, and the integrals it was settled to. */
    private final double[] medicationTotal;
    private final double[][] medicationMonthly;
    private final double[] settledIntegral;
    private final double[][] settledMonthly;

    CostLines(Scenario scenario, List<PathwayState> pathways, Level assessors, Window window) {
        this.scenario = scenario;
        this.pathways = pathways;
        this.assessors = assessors;
        this.window = window;
        this.overheadsPerYear = new Level(window);
        overheadsPerYear.set(0, scenario.budget().overheadsPerYearGbp());
        this.medicationIndex = new Level(window);
        medicationIndex.set(0, 100);
        int n = pathways.size();
        medicationTotal = new double[n];
        medicationMonthly = new double[n][window.months()];
        settledIntegral = new double[n];
        settledMonthly = new double[n][window.months()];
    }

    /** From {@code now} on: overheads of {@code overheadsGbp} a year and medication at {@code factor} × its unit cost. */
    void set(double now, double overheadsGbp, double factor) {
        overheadsPerYear.set(now, overheadsGbp);
        settleMedication(now);
        medicationFactor = factor;
        medicationIndex.set(now, 100 * factor);
    }

    double overheadsPerYear() {
        return overheadsPerYear.value();
    }

    /** Costs the client-days since the last settlement at the factor in force over them. */
    private void settleMedication(double now) {
        for (PathwayState p : pathways) {
            int i = p.index;
            double unit = p.spec.costs().medicationPerClientDayGbp() * medicationFactor;
            p.occupancy.advance(now);
            double integral = p.occupancy.integral();
            medicationTotal[i] += (integral - settledIntegral[i]) * unit;
            settledIntegral[i] = integral;
            double[] monthly = p.occupancy.monthlyIntegrals();
            for (int m = 0; m < monthly.length; m++) {
                medicationMonthly[i][m] += (monthly[m] - settledMonthly[i][m]) * unit;
            }
            settledMonthly[i] = monthly;
        }
    }

    // ---------------------------------------------------------------- spend (levels advanced to the window's end)

    /** Spend on one pathway over the window: its staff, places and medication. */
    double spend(PathwayState p) {
        settleMedication(window.end());
        return medicationTotal[p.index] + staff(p) + places(p);
    }

    private static double staff(PathwayState p) {
        return p.fte.integral() * p.spec.costs().staffPerFteGbp() / Scenario.DAYS_PER_YEAR;
    }

    private static double places(PathwayState p) {
        return p.places.integral() * p.spec.costs().placePerWeekGbp() / 7;
    }

    private double assessment() {
        return assessors.integral() * scenario.assessment().costPerWorkerGbp() / Scenario.DAYS_PER_YEAR;
    }

    private double overheads() {
        overheadsPerYear.advance(window.end());
        return overheadsPerYear.integral() / Scenario.DAYS_PER_YEAR;
    }

    /** Total spend over the window. */
    double total() {
        double s = overheads() + assessment();
        for (PathwayState p : pathways) s += spend(p);
        return s;
    }

    double[] monthly() {
        settleMedication(window.end());
        overheadsPerYear.advance(window.end());
        double[] s = new double[window.months()];
        add(s, overheadsPerYear.monthlyIntegrals(), 1 / Scenario.DAYS_PER_YEAR);
        for (PathwayState p : pathways) {
            add(s, medicationMonthly[p.index], 1);
            add(s, p.fte.monthlyIntegrals(), p.spec.costs().staffPerFteGbp() / Scenario.DAYS_PER_YEAR);
            add(s, p.places.monthlyIntegrals(), p.spec.costs().placePerWeekGbp() / 7);
        }
        add(s, assessors.monthlyIntegrals(), scenario.assessment().costPerWorkerGbp() / Scenario.DAYS_PER_YEAR);
        return s;
    }

    private static void add(double[] into, double[] values, double factor) {
        for (int i = 0; i < into.length; i++) into[i] += values[i] * factor;
    }

    /** The cost-line metrics, in catalogue order: the five lines a year, the medication index, assessors, FTE and places by pathway. */
    Map<String, Double> metrics(double years) {
        settleMedication(window.end());
        double staff = 0;
        double places = 0;
        double medication = 0;
        for (PathwayState p : pathways) {
            staff += staff(p);
            places += places(p);
            medication += medicationTotal[p.index];
        }
        medicationIndex.advance(window.end());
        Map<String, Double> r = new LinkedHashMap<>();
        r.put(Metrics.COST_STAFF_PER_YEAR, staff / years);
        r.put(Metrics.COST_PLACES_PER_YEAR, places / years);
        r.put(Metrics.COST_MEDICATION_PER_YEAR, medication / years);
        r.put(Metrics.COST_ASSESSMENT_PER_YEAR, assessment() / years);
        r.put(Metrics.COST_OVERHEADS_PER_YEAR, overheads() / years);
        r.put(Metrics.MEDICATION_UNIT_COST_INDEX, medicationIndex.mean());
        r.put(Metrics.ASSESSORS_MEAN, assessors.mean());
        for (PathwayState p : pathways) {
            Scenario.Capacity c = p.spec.capacity();
            if (c.hasStaff()) r.put(Metrics.FTE_PREFIX + p.spec.name(), p.fte.mean());
            if (c.kind() == CapacityKind.PLACES) r.put(Metrics.PLACES_PREFIX + p.spec.name(), p.places.mean());
        }
        return r;
    }
}
