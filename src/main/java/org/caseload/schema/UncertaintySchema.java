package org.caseload.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The schema of a scenario's {@code uncertainty:} section (read by scenario/UncertaintyReader). */
final class UncertaintySchema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private UncertaintySchema() {
    }

    /** {@code uncertainty:}: parameter path to the distribution of its value (used by psa and sensitivity). */
    static ObjectNode section() {
        ObjectNode u = ScenarioSchema.described(F.objectNode().put("type", "object"),
                "Uncertain parameters: a field's path (e.g. effects.caseload_pressure.completion) mapped to the "
                        + "distribution of its value, for caseload psa and caseload sensitivity.");
        ObjectNode d = F.objectNode().put("type", "object");
        d.put("description", "A parameter distribution: {dist: beta|gamma|lognormal|normal|uniform|triangular, ...}.");
        ObjectNode p = d.putObject("properties");
        ArrayNode names = F.arrayNode();
        for (String k : List.of("beta", "gamma", "lognormal", "normal", "uniform", "triangular")) names.add(k);
        p.set("dist", F.objectNode().put("description", "Distribution name.").set("enum", names));
        for (String k : List.of("mean", "sd", "alpha", "beta", "shape", "median", "sigma", "min", "max", "mode")) {
            p.set(k, ScenarioSchema.number(k + ".", null, null));
        }
        p.set("source", ScenarioSchema.text("Where the range comes from, or 'assumption'."));
        d.putArray("required").add("dist");
        d.put("additionalProperties", false);
        u.set("additionalProperties", d);
        return u;
    }
}
