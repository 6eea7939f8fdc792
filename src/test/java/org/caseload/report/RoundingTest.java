package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.caseload.results.Direction;
import org.caseload.results.Metric;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.PairedComparison;
import org.caseload.stats.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The rounding a reader can trust, on the card and in the tables: (a) an interval whose ends
 * differ never reads as a point, (b) two levels beside their change read consistently with it,
 * (c) a non-zero value never reads as zero (above the CSV files' six decimals).
 */
class RoundingTest {
    private static final List<SummaryCard.Kind> KINDS = List.of(SummaryCard.Kind.PEOPLE, SummaryCard.Kind.RATIO,
            SummaryCard.Kind.PERCENT, SummaryCard.Kind.MONEY);

    /** The run card's deaths, 111.37 (109.15 to 113.59), read "110 (95% CI 110 to 110)". */
    @Test
    void theRunCardShowsAnIntervalAsAnInterval() {
        ConfidenceInterval deaths = new ConfidenceInterval(111.37, 4.7, 109.15, 113.59, 20, 0.95);
        assertEquals("111 (95% CI 109 to 114)", SummaryCard.mean(deaths, SummaryCard.Kind.PEOPLE));
        // Where the usual rounding already keeps the ends apart, it is unchanged.
        assertEquals("1,590 (95% CI 1,560 to 1,620)",
                SummaryCard.mean(new ConfidenceInterval(1593, 30, 1561, 1622, 10, 0.95), SummaryCard.Kind.PEOPLE));
        assertEquals("—", SummaryCard.mean(new ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0.95),
                SummaryCard.Kind.PEOPLE));
    }

    private static String line(SummaryCard.Kind kind, double baseline, double alternative, double low, double high) {
        Metric m = new Metric("m", "u", "", Direction.LOWER_IS_BETTER);
        double d = alternative - baseline;
        PairedComparison c = new PairedComparison(baseline, alternative, new ConfidenceInterval(d, 1, low, high, 10, 0.95), 0.01);
        return SummaryCard.line(new SummaryCard.Headline("m", "M", kind), new ComparisonTable.Row(m, "a", "b", c, 0.02, Verdict.WORSE, ""));
    }

    /** The compare card's "120 → 110 (−0.4)" for 115.0 → 114.6 and "110 → 120 (+6; …)" for 111.72 → 117.72. */
    @Test
    void theCompareCardsLevelsAgreeWithTheChangeBesideThem() {
        assertEquals("M: 115.0 → 114.6 (−0.4; 95% CI −0.9 to +0.1): worse.", line(SummaryCard.Kind.PEOPLE, 115.0, 114.6, -0.9, 0.1));
        assertEquals("M: 112 → 118 (+6; 95% CI +2 to +10): worse.", line(SummaryCard.Kind.PEOPLE, 111.72, 117.72, 2.1, 10.3));
        // Lines that already read consistently keep the usual rounding (the reference card's).
        assertEquals("M: 1,590 → 1,530 (−54; 95% CI −56 to −53): worse.", line(SummaryCard.Kind.PEOPLE, 1586.9, 1532.9, -55.6, -52.6));
        assertEquals("M: 64.6 → 72.7 (+8.0; 95% CI +7.7 to +8.3): worse.", line(SummaryCard.Kind.RATIO, 64.62, 72.66, 7.7, 8.3));
    }

    /** The verdict table's difference of −0.002935 (−0.003664 to −0.002206) read "0" and "0 to 0". */
    @Test
    void theTablesNeverShowANonZeroDifferenceAsZero() {
        assertEquals("-0.0029", Reports.round(-0.002935));
        assertEquals("-0.0037 to -0.0022", Reports.interval(new ConfidenceInterval(-0.002935, 0.001, -0.003664, -0.002206, 20, 0.95)));
        assertEquals("0", Reports.round(0.0));
        assertEquals("0", Reports.round(4e-13), "below the CSV files' six decimals");
        // Unchanged where the usual rounding reads.
        assertEquals("0.01", Reports.round(0.0051));
        assertEquals("1.23 to 1.31", Reports.interval(new ConfidenceInterval(1.27, 0.1, 1.234, 1.31, 20, 0.95)));
        assertEquals("1,234.1 to 1,234.3", Reports.interval(new ConfidenceInterval(1234.2, 0.1, 1234.1, 1234.3, 20, 0.95)));
    }

    private static final double[] MAGNITUDES = {3e-6, 4.4e-5, 2.9e-4, 0.0029, 0.047, 0.66, 3.3, 14.95, 111.37, 987.6, 1593.4, 45_678.9,
        11_544_321.0};
    private static final double[] RELATIVE_WIDTHS = {1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.04, 0.3, 1.5};

    /** (a) Over magnitudes, widths and both signs, an interval's ends never read the same on the run card or in a table. */
    @Test
    void anIntervalNeverReadsAsAPoint() {
        for (double a : MAGNITUDES) {
            for (double rw : RELATIVE_WIDTHS) {
                for (int sign : new int[] {1, -1}) {
                    double m = sign * a;
                    double w = a * rw;
                    if (w < 2e-6) continue; // finer than the CSV files show
                    ConfidenceInterval ci = new ConfidenceInterval(m, w, m - w / 2, m + w / 2, 20, 0.95);
                    String[] table = Reports.interval(ci).split(" to ");
                    assertNotEquals(table[0], table[1], m + " ± " + w / 2);
                    for (SummaryCard.Kind kind : KINDS) {
                        String card = SummaryCard.mean(ci, kind);
                        String[] ends = card.substring(card.indexOf("CI ") + 3, card.length() - 1).split(" to ");
                        assertNotEquals(ends[0], ends[1], kind + " " + card);
                    }
                }
            }
        }
    }

    /**
     * (b) Two levels beside their change: shown at least to the change's first significant digit
     * (or its own step), so the levels' difference is the change to within one unit of that place,
     * and they go the way the change goes.
     */
    @Test
    void levelsReadConsistentlyWithTheirChange() {
        for (SummaryCard.Kind kind : KINDS) {
            double unit = kind == SummaryCard.Kind.MONEY ? 1000 : 1;
            for (double base : new double[] {0.37, 3.3, 14.95, 115.0, 987.6, 1593.4, 11_544.3}) {
                for (double change : new double[] {0.004, 0.013, 0.4, 0.96, 6, 54, 120, 955}) {
                    for (int sign : new int[] {1, -1}) {
                        double b = base * unit;
                        double d = sign * change * unit * Math.min(1, base);
                        for (double rw : new double[] {0.05, 0.7}) {
                            double hw = Math.abs(d) * rw;
                            String l = line(kind, b, b + d, d - hw, d + hw);
                            String where = kind + " " + b + " + " + d + ": " + l;
                            String[] levels = l.substring(3, l.indexOf(" (")).split(" → ");
                            double printed = number(levels[1]) - number(levels[0]);
                            double step = SummaryCard.changeStep(kind, b, new ConfidenceInterval(d, 1, d - hw, d + hw, 10, 0.95));
                            double place = Math.max(Math.pow(10, Math.floor(Math.log10(Math.abs(d)))), step);
                            assertTrue(Math.abs(printed - d) <= place * 1.0001, where);
                            assertTrue(printed * d >= 0, where);
                        }
                    }
                }
            }
        }
    }

    /** (c) A non-zero value never reads as zero: levels, changes and ends on the card, and the tables' numbers. */
    @Test
    void aNonZeroValueNeverReadsAsZero() {
        for (double a : MAGNITUDES) {
            for (int sign : new int[] {1, -1}) {
                double v = sign * a;
                assertFalse(Digits.readsZero(Reports.round(v)), "table " + v);
                for (SummaryCard.Kind kind : KINDS) {
                    assertFalse(Digits.readsZero(SummaryCard.value(v, kind)), kind + " value " + v);
                    assertFalse(Digits.readsZero(SummaryCard.change(v, kind, 1000)), kind + " change " + v);
                    String l = line(kind, 5000, 5000 + v, v - 10 * a, v + 10 * a);
                    for (String part : l.substring(l.indexOf('(') + 1, l.lastIndexOf(')')).replace("95% CI ", "").split("; | to ")) {
                        assertFalse(Digits.readsZero(part), kind + " " + l);
                    }
                }
            }
        }
        assertEquals("0", Reports.round(-4e-7), "what the CSV files print as 0");
        assertEquals("−0.0029", SummaryCard.value(-0.002935, SummaryCard.Kind.PEOPLE));
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace("−", "-").replace("+", "").replace("£", "").replace("%", "").replace(",", ""));
    }
}
