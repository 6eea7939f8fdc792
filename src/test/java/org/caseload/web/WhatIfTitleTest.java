package org.caseload.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** A what-if's title (its scenario's description, the card's heading) names every change asked for, and only those. */
class WhatIfTitleTest {
    private static final ScenarioReader.Loaded LEEDS = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of());

    private static String title(Map<String, String> form) {
        WhatIf.Request r = WhatIf.parse(form, LEEDS.scenario());
        assertEquals(Map.of(), r.errors());
        return WhatIf.tree(LEEDS.tree(), r).get("description").asText();
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
