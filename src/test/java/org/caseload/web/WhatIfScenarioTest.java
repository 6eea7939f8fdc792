package org.caseload.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The scenario a what-if builds: one that changes staff, places or demand from the start warms
 * up as a variant of its baseline, a budget change does not; its title (the description, the
 * card's heading) names every change asked for, and only those.
 */
class WhatIfScenarioTest {
    private static final ScenarioReader.Loaded LEEDS = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of());

    private static ObjectNode whatIf(Map<String, String> form) {
        WhatIf.Request r = WhatIf.parse(form, LEEDS.scenario());
        assertEquals(Map.of(), r.errors());
        return WhatIf.tree(LEEDS.tree(), r);
    }

    private static int warmup(Map<String, String> form) {
        return whatIf(form).get("warmup_months").asInt();
    }

    private static String title(Map<String, String> form) {
        return whatIf(form).get("description").asText();
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

    @Test
    void theTitleNamesStaffPlacesAndTheAllocationRule() {
        assertEquals("What-if on leeds: 49 keyworker FTE on intensive_keywork (from caseload serve)",
                title(Map.of("fte.intensive_keywork", "49")));
        assertEquals("What-if on leeds: -10% budget from month 12, 25 places on rehab, proportional allocation (from caseload serve)",
                title(Map.of("budget_change_pct", "-10", "places.rehab", "25", "allocation", WhatIf.PROPORTIONAL)));
        assertEquals("What-if on leeds (from caseload serve)", title(Map.of("fte.intensive_keywork", "36")),
                "the baseline's own staffing is no change");
    }
}
