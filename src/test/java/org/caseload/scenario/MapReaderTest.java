package org.caseload.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class MapReaderTest {
    @TempDir
    Path dir;

    private MapReader reader(String yaml) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), yaml);
        return MapReader.root(YamlTree.load(dir.resolve("s.yaml"), "s.yaml"));
    }

    private static String message(Executable e) {
        return assertThrows(ScenarioException.class, e).getMessage();
    }

    @Test
    void gettersReadValuesAndDefaults() throws IOException {
        MapReader r = reader("""
                name: leeds
                year: 2024
                horizon_months: 60
                rate: 183.5
                flag: false
                seasonality: [1, 0.5]
                protect: rehab
                steps:
                  - {from_month: 3}
                """);
        assertEquals("leeds", r.string("name"));
        assertEquals("2024", r.string("year"), "a number is accepted where a name is expected");
        assertEquals(60, r.integer("horizon_months"));
        assertEquals(183.5, r.number("rate"));
        assertFalse(r.bool("flag", true));
        assertArrayEquals(new double[] {1, 0.5}, r.numberList("seasonality"));
        assertEquals(List.of("rehab"), r.stringList("protect", List.of()), "a single name is a list of one");
        MapReader step = MapReader.of(r.list("steps").get(0));
        assertEquals("steps.0", step.path());
        assertEquals(3, step.integer("from_month"));
        step.finish();
        assertEquals(0.0, r.number("trend", 0.0));
        assertEquals("caseload", r.string("kind", "caseload"));
        assertTrue(r.bool("treatment", true));
        assertTrue(r.optionalMap("assessment").isEmpty());
        assertTrue(r.optionalList("changes").isEmpty());
        assertArrayEquals(new double[] {1, 1}, r.numberList("other", new double[] {1, 1}));
        r.finish();
    }

    @Test
    void unknownKeyNamesItsOwnLineAndTheClosestAskedKey() throws IOException {
        MapReader r = reader("""
                name: x
                arrivals:
                  rate_per_month: 1
                  trend_pct_per_yr: 2
                """);
        r.string("name");
        MapReader a = r.map("arrivals");
        a.number("rate_per_month");
        a.number("trend_pct_per_year", 0);
        assertEquals("s.yaml:4:3: arrivals.trend_pct_per_yr: unknown field; did you mean 'trend_pct_per_year'?", message(a::finish));
        r.finish();
    }

    @Test
    void unknownKeyWithNothingCloseHasNoSuggestion() throws IOException {
        MapReader r = reader("name: x\nbanana: 1\n");
        r.string("name");
        assertEquals("s.yaml:2:1: banana: unknown field", message(r::finish));
    }

    @Test
    void keysMarksUserNamedKeysAsKnown() throws IOException {
        MapReader r = reader("pathways:\n  rehab: {}\n  detox: {}\n");
        MapReader p = r.map("pathways");
        assertEquals(Set.of("rehab", "detox"), p.keys());
        assertEquals(List.of("rehab", "detox"), List.copyOf(p.keys()), "file order");
        p.finish();
        r.finish();
    }

    @Test
    void typeErrorsPointAtTheValue() throws IOException {
        MapReader r = reader("""
                a:
                  rate: lots
                  n: 2.5
                  flag: yes
                  list: 3
                  section: [1]
                  xs: [1, two]
                  big: 1e12
                """);
        MapReader a = r.map("a");
        assertEquals("s.yaml:2:9: a.rate: expected a number, got 'lots'", message(() -> a.number("rate")));
        assertEquals("s.yaml:3:6: a.n: expected a whole number, got '2.5'", message(() -> a.integer("n")));
        assertEquals("s.yaml:4:9: a.flag: expected true or false, got 'yes'", message(() -> a.bool("flag", false)));
        assertEquals("s.yaml:5:9: a.list: expected a list, got '3'", message(() -> a.list("list")));
        assertEquals("s.yaml:6:12: a.section: expected a section (key: value pairs), got a list", message(() -> a.map("section")));
        assertEquals("s.yaml:7:11: a.xs.1: expected a number, got 'two'", message(() -> a.numberList("xs")));
        assertEquals("s.yaml:8:8: a.big: must be at most 2147483647, got 1000000000000", message(() -> a.integer("big")));
        assertEquals("s.yaml:2:3: a: expected a list, got a section", message(() -> r.list("a")));
    }

    @Test
    void listElementThatIsNotAMapping() throws IOException {
        MapReader r = reader("steps:\n  - 3\n");
        ConfigNode item = r.list("steps").get(0);
        assertEquals("s.yaml:2:5: steps.0: expected a section (key: value pairs), got '3'", message(() -> MapReader.of(item)));
    }

    @Test
    void missingRequiredFieldIsReportedAtTheSection() throws IOException {
        MapReader r = reader("name: x\narrivals:\n  trend: 1\n");
        MapReader a = r.map("arrivals");
        assertEquals("s.yaml:3:3: arrivals.rate_per_month: missing required field", message(() -> a.number("rate_per_month")));
    }

    @Test
    void missingRequiredFieldPointsAtALikelyMisspelling() throws IOException {
        MapReader r = reader("name: x\nhorizon_monhts: 60\n");
        r.string("name");
        assertEquals("s.yaml:2:1: horizon_monhts: unknown field; did you mean 'horizon_months'?",
                message(() -> r.integer("horizon_months")));
    }

    @Test
    void emptyValueCountsAsAbsent() throws IOException {
        MapReader r = reader("name:\nrate: ~\n");
        assertEquals("s.yaml:1:1: name: needs a value", message(() -> r.string("name")));
        assertEquals(7.0, r.number("rate", 7.0));
        assertFalse(r.has("rate"));
        r.finish();
    }

    @Test
    void validatingGettersReportAtTheValue() throws IOException {
        MapReader r = reader("""
                rate: -3
                p: 1.2
                zero: 0
                n: -1
                ok: 0.5
                """);
        assertEquals("s.yaml:1:7: rate: must be 0 or more, got -3", message(() -> r.number("rate", Range.of(0, 10))));
        assertEquals("s.yaml:2:4: p: must be a probability between 0 and 1, got 1.2", message(() -> r.number("p", Ranges.PROBABILITY)));
        assertEquals("s.yaml:3:7: zero: must be more than 0, got 0", message(() -> r.number("zero", Range.above(0, 10))));
        assertEquals("s.yaml:3:7: zero: must be at least 1, got 0", message(() -> r.integer("zero", Range.whole(1, 10))));
        assertEquals("s.yaml:4:4: n: must be 0 or more, got -1", message(() -> r.integer("n", Range.whole(0, 10), 5)));
        assertEquals("s.yaml:1:7: rate: must be at most -4, got -3", message(() -> r.number("rate", Range.of(-10, -4))));
        assertEquals("s.yaml:2:4: p: must be a whole number, got 1.2", message(() -> r.number("p", Range.whole(0, 10))));
        assertEquals(0.5, r.number("ok", Ranges.PROBABILITY));
        assertEquals(0.0, r.number("zero", Range.of(0, 10)));
        assertEquals(0.25, r.number("absent", Ranges.PROBABILITY, 0.25));
        assertEquals(4, r.integer("absent_too", Range.whole(0, 10), 4));
        r.finish();
    }

    @Test
    void aNumberInAListIsReportedAtItsOwnPosition() throws IOException {
        MapReader r = reader("m: [1, 2, 1e300]\n");
        assertEquals("s.yaml:1:11: m.2: must be at most 100, got 1.0E300", message(() -> r.numberList("m", Ranges.MULTIPLIER)));
    }

    @Test
    void failNamesTheFullPathAndTheValueOrSection() throws IOException {
        MapReader r = reader("pathways:\n  rehab:\n    capacity:\n      places: 30\n");
        MapReader cap = r.map("pathways").map("rehab").map("capacity");
        assertEquals("s.yaml:4:15: pathways.rehab.capacity.places: too many", message(() -> cap.fail("places", "too many")));
        assertEquals("s.yaml:4:7: pathways.rehab.capacity.staff_fte: missing", message(() -> cap.fail("staff_fte", "missing")));
        assertEquals("s.yaml:4:7: pathways.rehab.capacity: bad section", message(() -> cap.fail(null, "bad section")));
        assertEquals(new Source("s.yaml", 4, 15), cap.sourceOf("places"));
        assertEquals(cap.source(), cap.sourceOf("absent"));
    }

    @Test
    void commandLineValuesAreReportedAsSuch() throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "arrivals:\n  rate_per_month: 1\n");
        MapNode t = ScenarioFiles.resolve(dir.resolve("s.yaml"), List.of("arrivals.rate_per_month=-3"));
        MapReader a = MapReader.root(t).map("arrivals");
        assertEquals("--set: arrivals.rate_per_month: must be 0 or more, got -3", message(() -> a.number("rate_per_month", Ranges.RATE_PER_MONTH)));
    }
}
