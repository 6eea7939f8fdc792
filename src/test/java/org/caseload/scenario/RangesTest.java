package org.caseload.scenario;

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
}
