package org.caseload.model;

/**
 * Deaths in treatment in the form the national statistics publish them: people who died
 * while in treatment in a year as a share of all people in treatment at any time in that
 * year (OHID's adult treatment statistics: deaths of people in contact with treatment over
 * people in contact). Pooled over the reporting years: total deaths in treatment over total
 * people-in-the-year. It reads counts the {@link Recorder} keeps anyway (deaths in treatment
 * per month, people seen per year), so it needs no hook of its own.
 */
final class DeathIndicator {
    private DeathIndicator() {
    }

    /**
     * @param monthlyDeathsInTreatment deaths in treatment in each reporting month
     * @param seenPerPeriod            people in treatment at any time in each reporting period:
     *                                 whole years, or one period covering a window under a year
     * @return the percentage, or NaN when nobody was in treatment
     */
    static double pctOfPeopleInTreatment(double[] monthlyDeathsInTreatment, int[] seenPerPeriod) {
        // Whole years cover months [0, 12 × years); a window shorter than a year is one period of all its months.
        int months = monthlyDeathsInTreatment.length < 12 ? monthlyDeathsInTreatment.length : 12 * seenPerPeriod.length;
        double deaths = 0;
        for (int m = 0; m < months; m++) deaths += monthlyDeathsInTreatment[m];
        double people = 0;
        for (int s : seenPerPeriod) people += s;
        return people > 0 ? 100 * deaths / people : Double.NaN;
    }
}
