package org.caseload.scenario;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseload.scenario.Scenario.CapacityKind;
import org.caseload.scenario.Scenario.FullPolicy;

/** Reads one pathway of a scenario: capacity, policy when full, costs, episodes and where people go next. */
final class PathwayReader {
    private PathwayReader() {
    }

    static Scenario.Pathway read(String name, MapReader r, Set<String> pathways) {
        boolean treatment = r.bool("treatment", true);
        boolean prescribing = r.bool("prescribing", false);
        MapReader cap = r.map("capacity");
        cap.shapedBy("kind");
        String kindText = cap.string("kind");
        CapacityKind kind = Readers.enumValue(cap, "kind", kindText, CapacityKind.class);
        double fte = cap.number("staff_fte", Ranges.STAFF_FTE, 0.0);
        double perFte = kind == CapacityKind.CASELOAD ? cap.number("caseload_per_fte", Ranges.CASELOAD_PER_FTE)
                : cap.number("caseload_per_fte", Ranges.CASELOAD_PER_FTE, 0.0);
        double maxPerFte = cap.number("max_caseload_per_fte", Ranges.CASELOAD_PER_FTE, perFte);
        if (maxPerFte < perFte) {
            cap.fail("max_caseload_per_fte", "must be at least caseload_per_fte (" + Range.format(perFte) + "), got " + Range.format(maxPerFte),
                    cap.setOnCommandLine("caseload_per_fte"));
        }
        int places = cap.integer("places", Ranges.PLACES, 0);
        if (kind == CapacityKind.PLACES && !cap.has("places")) {
            cap.fail("places", "missing required field for kind 'places'", cap.setOnCommandLine("kind"));
        }
        if (kind == CapacityKind.CASELOAD && fte <= 0 && !cap.has("staff_fte")) {
            cap.fail("staff_fte", "missing required field for kind 'caseload'", cap.setOnCommandLine("kind"));
        }
        cap.finish();
        String policyText = r.string("when_full", "queue");
        FullPolicy policy = Readers.enumValue(r, "when_full", policyText, FullPolicy.class);
        Distribution patience = r.optionalMap("patience_days").isPresent() ? DistributionReader.read(r, "patience_days") : null;
        double staffCost = 0;
        double medication = 0;
        double placeWeek = 0;
        Optional<MapReader> costs = r.optionalMap("costs");
        if (costs.isPresent()) {
            MapReader c = costs.get();
            staffCost = c.number("staff_per_fte_gbp", Ranges.UNIT_COST_GBP, 0.0);
            medication = c.number("medication_per_client_day_gbp", Ranges.UNIT_COST_GBP, 0.0);
            placeWeek = c.number("place_per_week_gbp", Ranges.UNIT_COST_GBP, 0.0);
            c.finish();
        }
        ByGroup<Scenario.Episode> episodes = Readers.byGroup(r.map("episodes"), PathwayReader::episode);
        Map<String, Double> transferTo = r.optionalMap("transfer_to").map(m -> Readers.shares(m, pathways, false)).orElse(Map.of());
        if (!transferTo.isEmpty()) {
            Readers.requireSum(r, "transfer_to", transferTo.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        Map<String, Double> onCompletion = r.optionalMap("on_completion").map(m -> Readers.shares(m, pathways, false)).orElse(Map.of());
        double completionTotal = onCompletion.values().stream().mapToDouble(Double::doubleValue).sum();
        if (completionTotal > 1 + Readers.SHARE_TOLERANCE) {
            r.fail("on_completion", "probabilities add up to " + Range.formatDerived(completionTotal) + ", more than 1",
                    r.setOnCommandLine("on_completion"));
        }
        if (transferTo.containsKey(name) || onCompletion.containsKey(name)) {
            r.fail(transferTo.containsKey(name) ? "transfer_to" : "on_completion", "a pathway cannot send people to itself");
        }
        r.finish();
        return new Scenario.Pathway(name, treatment, prescribing, new Scenario.Capacity(kind, fte, perFte, maxPerFte, places),
                policy, patience, new Scenario.Costs(staffCost, medication, placeWeek), episodes, transferTo, onCompletion);
    }

    private static Scenario.Episode episode(MapReader parent, String key) {
        MapReader r = parent.map(key);
        double[] p = new double[3];
        Distribution[] d = new Distribution[3];
        String[] outcomes = {"complete", "dropout", "transfer"};
        for (int i = 0; i < 3; i++) {
            Optional<MapReader> o = r.optionalMap(outcomes[i]);
            if (o.isPresent()) {
                p[i] = o.get().number("probability", Ranges.PROBABILITY);
                d[i] = DistributionReader.read(o.get(), "days");
                o.get().finish();
            } else {
                p[i] = 0;
                d[i] = new Distribution.Fixed(0);
            }
        }
        r.finish();
        Readers.requireSum(parent, key, p);
        return new Scenario.Episode(p[0], d[0], p[1], d[1], p[2], d[2]);
    }
}
