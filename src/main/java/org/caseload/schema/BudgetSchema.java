package org.caseload.schema;

import static org.caseload.schema.ScenarioSchema.array;
import static org.caseload.schema.ScenarioSchema.described;
import static org.caseload.schema.ScenarioSchema.enumeration;
import static org.caseload.schema.ScenarioSchema.item;
import static org.caseload.schema.ScenarioSchema.keys;
import static org.caseload.schema.ScenarioSchema.number;
import static org.caseload.schema.ScenarioSchema.props;
import static org.caseload.schema.ScenarioSchema.text;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.caseload.scenario.Scenario;

/** The schema of a scenario's {@code budget:} section (read by scenario/ScenarioReader); nothing in it is required. */
final class BudgetSchema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private BudgetSchema() {
    }

    static ObjectNode section() {
        ObjectNode s = mapping("Money and budget changes.");
        props(s).set("annual_gbp", number("Yearly budget (default: what the scenario costs).", null, 0.0));
        props(s).set("overheads_per_year_gbp", number("Fixed overheads a year.", 0.0, null));
        ObjectNode change = item("A budget change.", List.of("from_month", "change_pct"));
        props(change).set("from_month", number("Month the change starts.", 0.0, null));
        props(change).set("change_pct", number("Change, % of the base budget (-10 is a 10% cut).", null, -100.0));
        props(s).set("changes", array("Budget changes.", change));
        ObjectNode alloc = mapping("How a change is shared out.");
        props(alloc).set("rule", enumeration("shared (default: the change is spread over every cost line by weights, "
                        + "short term and after re-tendering), proportional (overheads and medication paid first, staff, places "
                        + "and assessors scale with what is left) or protect (as proportional, listed items keep their money).",
                keys(Scenario.AllocationRule.values())));
        props(alloc).set("protect", array("Pathway names, or assessment, kept whole under rule protect.", text("Name.")));
        props(alloc).set("retender_after_months", number("Rule shared: months from a change to re-tendering, when the "
                + "after_retender weights replace the short_term ones (default 12; 0: at once).", 0.0, null));
        props(alloc).set("short_term", lineWeights("Rule shared: cost-line weights until re-tendering "
                + "(defaults staff 1, places 1, assessment 1, medication_unit_cost 0, overheads 0.5)."));
        props(alloc).set("after_retender", lineWeights("Rule shared: cost-line weights after re-tendering "
                + "(defaults staff 1, places 1, assessment 1, medication_unit_cost 0.5, overheads 1)."));
        props(s).set("allocation", alloc);
        return s;
    }

    /** Weights 0 to 10 of the five cost lines: a line's share of a change is its cost × its weight. */
    private static ObjectNode lineWeights(String description) {
        ObjectNode s = mapping(description);
        String[][] lines = {{"staff", "pathway staff"}, {"places", "funded places"}, {"assessment", "assessors"},
                {"medication_unit_cost", "medication cost per client-day"}, {"overheads", "overheads"}};
        for (String[] l : lines) {
            props(s).set(l[0], number("Weight of " + l[1] + " (0 fixed, 1 its proportional share, at most 10).", 0.0, null)
                    .put("maximum", 10.0));
        }
        return s;
    }

    /** A mapping of listed keys, none required (as a partial override or a complete scenario alike). */
    private static ObjectNode mapping(String description) {
        ObjectNode s = described(F.objectNode().put("type", "object"), description);
        s.putObject("properties");
        s.put("additionalProperties", false);
        return s;
    }
}
