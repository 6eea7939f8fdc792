package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Deaths in treatment as a share of people in treatment, worked by hand. */
class DeathIndicatorTest {
    @Test
    void poolsDeathsOfWholeYearsOverPeopleInTreatmentThoseYears() {
        double[] monthly = new double[30]; // two whole years and six months that belong to no whole year
        monthly[0] = 2;
        monthly[11] = 1;
        monthly[12] = 4;
        monthly[25] = 100;
        // (2 + 1 + 4) deaths over 300 + 400 people in treatment in years 0 and 1.
        assertEquals(100.0 * 7 / 700, DeathIndicator.pctOfPeopleInTreatment(monthly, new int[] {300, 400}), 1e-12);
    }

    @Test
    void aWindowUnderAYearIsOnePeriod() {
        double[] monthly = {1, 0, 2};
        assertEquals(100.0 * 3 / 50, DeathIndicator.pctOfPeopleInTreatment(monthly, new int[] {50}), 1e-12);
    }

    @Test
    void undefinedWhenNobodyWasInTreatment() {
        assertTrue(Double.isNaN(DeathIndicator.pctOfPeopleInTreatment(new double[12], new int[] {0})));
    }
}
