package org.caseload.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void plausibleTyposAreSuggested() {
        assertEquals("rate_per_month", Suggestions.closest("rate_per_mnth", List.of("rate_per_month", "steps")).orElseThrow());
        assertEquals("horizon_months", Suggestions.closest("horizon_monhts", List.of("warmup_months", "horizon_months")).orElseThrow());
        assertEquals("rehab", Suggestions.closest("Rehab", List.of("detox", "rehab")).orElseThrow(), "case-insensitive");
    }

    @Test
    void unrelatedWordsAreNot() {
        assertTrue(Suggestions.closest("banana", List.of("rate_per_month", "steps")).isEmpty());
        assertTrue(Suggestions.closest("x", List.of()).isEmpty());
    }

    @Test
    void adjacentSwapCostsOneEdit() {
        assertEquals(1, Suggestions.distance("stpes", "steps"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }

    @Test
    void threshold() {
        // "abcdefghi" (9 letters) allows max(2, 9/3) = 3 edits.
        assertEquals("abcdefxyz", Suggestions.closest("abcdefghi", List.of("abcdefxyz")).orElseThrow());
        assertTrue(Suggestions.closest("abcdefghi", List.of("abcdewxyz")).isEmpty());
    }

    @Test
    void tiesGoToTheFirstCandidate() {
        assertEquals("mean", Suggestions.closest("meen", List.of("mean", "seen")).orElseThrow());
        assertEquals("seen", Suggestions.closest("meen", List.of("seen", "mean")).orElseThrow());
    }
}
