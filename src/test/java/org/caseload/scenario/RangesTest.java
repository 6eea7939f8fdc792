package org.caseload.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RangesTest {
    /** The README's table of valid ranges is the user's copy of {@link Ranges}: every range must appear there. */
    @Test
    void everyRangeIsInTheReadme() throws IOException, IllegalAccessException {
        String readme = Files.readString(Path.of("README.md"));
        int n = 0;
        for (Field f : Ranges.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Range.class) continue;
            Range r = (Range) f.get(null);
            assertTrue(readme.contains("| " + r.describe() + " |"), f.getName() + ": README has no row with '" + r.describe() + "'");
            n++;
        }
        assertTrue(n >= 20, "ranges found: " + n);
    }

    @Test
    void rangesDescribeTheirBounds() {
        assertTrue(Range.above(-100, 1000).describe().equals("> -100 to 1,000"));
        assertTrue(Ranges.HORIZON_MONTHS.describe().equals("1 to 1,200 (whole)"));
        assertTrue(Ranges.HORIZON_MONTHS.problem(0).equals("must be at least 1, got 0"));
        assertTrue(Ranges.CHANGE_PCT.problem(-100).equals("must be more than -100, got -100"));
        assertTrue(Ranges.PLACES.problem(2.5).equals("must be a whole number, got 2.5"));
    }

    /** A worked-out value in a message shows no rounding noise from the arithmetic behind it. */
    @Test
    void derivedValuesAreShownWithoutRoundingNoise() {
        double sum = 0;
        for (double v : new double[] {0.22, 0.16, 0.17, 0.59}) sum += v;
        assertEquals("1.1400000000000001", Range.format(sum), "the noise this guards against");
        assertEquals("1.14", Range.formatDerived(sum));
        assertEquals("5.25652", Range.formatDerived(5.256521769757027));
        assertEquals("2", Range.formatDerived(2.0));
        assertEquals("0.000123457", Range.formatDerived(0.0001234567));
        assertEquals("123457000", Range.formatDerived(123456789.0));
        assertEquals("0", Range.formatDerived(0.0));
        assertEquals("Infinity", Range.formatDerived(Double.POSITIVE_INFINITY));
    }
}
