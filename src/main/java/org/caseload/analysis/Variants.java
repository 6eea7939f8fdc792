package org.caseload.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.fault.InputException;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioException;
import org.caseload.scenario.ScenarioVariant;
import org.caseload.scenario.UncertainParameter;

/** Scenario variants for parameter values, validated as {@code --set} would validate them. */
final class Variants {
    private Variants() {
    }

    /**
     * @param what names the design point in a refusal, e.g. "parameter sample 12"
     * @throws InputException if the scenario refuses the combination of values
     */
    static Scenario of(MapNode tree, String scenarioName, List<UncertainParameter> params, double[] values, String what) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < params.size(); j++) m.put(params.get(j).path(), values[j]);
        try {
            return ScenarioVariant.apply(tree, m);
        } catch (ScenarioException e) {
            throw new InputException(scenarioName + ", " + what + ": the scenario refuses this combination of uncertain values ("
                    + (e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ") + e.problem()
                    + "); narrow the ranges in its uncertainty section");
        }
    }

    /** The point values of the parameters, as written in the scenario. */
    static double[] pointValues(List<UncertainParameter> params) {
        return params.stream().mapToDouble(UncertainParameter::value).toArray();
    }
}
