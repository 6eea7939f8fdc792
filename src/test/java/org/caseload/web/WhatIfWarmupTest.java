package org.caseload.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** A what-if that changes staff, places or demand from the start warms up as a variant of its baseline; a budget change does not. */
class WhatIfWarmupTest {
    private static final ScenarioReader.Loaded LEEDS = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of());

    private static int warmup(Map<String, String> form) {
        WhatIf.Request r = WhatIf.parse(form, LEEDS.scenario());
        assertEquals(Map.of(), r.errors());
        return WhatIf.tree(LEEDS.tree(), r).get("warmup_months").asInt();
    }

    @Test
    void aBudgetChangeKeepsTheBaselinesWarmup() {
        assertEquals(24, warmup(Map.of("budget_change_pct", "-10")));
        assertEquals(24, warmup(Map.of("fte.intensive_keywork", "36")), "the baseline's own staffing is no change");
    }

    @Test
    void changedStaffPlacesOrDemandMakeAVariant() {
        assertEquals(48, warmup(Map.of("fte.intensive_keywork", "40")));
        assertEquals(48, warmup(Map.of("places.rehab", "25")));
        assertEquals(48, warmup(Map.of("demand_change_pct", "10", "budget_change_pct", "-10")));
    }
}
