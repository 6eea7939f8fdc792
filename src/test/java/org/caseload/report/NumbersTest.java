package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void undefinedIsAnEmptyCellNeverNaNOrZero() {
        assertEquals("", Numbers.format(Double.NaN));
        assertEquals("", Numbers.format(Double.POSITIVE_INFINITY));
        assertEquals("0", Numbers.format(0.0));
        assertEquals("1.5", Numbers.format(1.5));
    }

    @Test
    void pValuesHaveAFloorInsteadOfZero() {
        assertEquals("<0.0001", Numbers.pValue(0.0));
        assertEquals("<0.0001", Numbers.pValue(3e-9));
        assertEquals("0.0001", Numbers.pValue(0.0001));
        assertEquals("0.0312", Numbers.pValue(0.0312));
        assertEquals("", Numbers.pValue(Double.NaN));
        assertEquals("<0.0001", Reports.pValue(0.0));
        assertEquals("0.0005", Reports.pValue(0.00051));
        assertEquals("0.031", Reports.pValue(0.0312));
        assertEquals("—", Reports.pValue(Double.NaN));
        assertEquals("—", Reports.round(Double.NaN));
    }

    @Test
    void roundingAtABandsEdgeReadsLikeTheNextBand() {
        assertEquals("1,000", Reports.round(999.66));
        assertEquals("-1,000", Reports.round(-999.5));
        assertEquals("999", Reports.round(999.4));
        assertEquals("100", Reports.round(99.97));
        assertEquals("99.9", Reports.round(99.94));
        assertEquals("10.0", Reports.round(9.996));
        assertEquals("9.99", Reports.round(9.994));
        assertEquals("1,001", Reports.round(1000.7));
    }
}
