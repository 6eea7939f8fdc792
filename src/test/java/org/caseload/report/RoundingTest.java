package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.caseload.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * The rounding a reader can trust, on the card and in the tables: (a) an interval whose ends
 * differ never reads as a point, (b) two levels beside their change read consistently with it,
 * (c) a non-zero value never reads as zero (above the CSV files' six decimals).
 */
class RoundingTest {
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
}
