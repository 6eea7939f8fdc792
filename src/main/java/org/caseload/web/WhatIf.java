package org.caseload.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioFiles;

/**
 * The what-if form: its fields with the baseline's values, and the scenario tree they make.
 * Field names are fixed ({@code budget_change_pct}, {@code fte.<pathway>}, ...), so a
 * message from the scenario reader can be put back beside the field it is about.
 */
final class WhatIf {
    static final int DEFAULT_REPLICATIONS = 40;
    static final int MAX_REPLICATIONS = 1000;
    /** Keep the baseline's own allocation rule (of the shipped scenarios, the Leeds family's is shared, Medway's proportional). */
    static final String AS_SCENARIO = "scenario";
    static final String PROPORTIONAL = "proportional";
    static final String PROTECT = "protect:";

    /** One input of the form. */
    record Field(String name, String label, String value, String hint) {
    }

    /** What the user asked for, parsed; {@code errors} maps field names to messages. */
    record Request(String baseline, double budgetChangePct, double budgetFromMonth, Map<String, Double> fte,
                   Map<String, Double> places, double demandChangePct, String allocation, int replications, long seed,
                   Map<String, String> errors) {
    }

    private WhatIf() {
    }

    /** The form's fields for a baseline, filled with the baseline's own values (no change). */
    static List<Field> fields(Scenario base) {
        List<Field> out = new ArrayList<>();
        out.add(new Field("budget_change_pct", "Budget change (%)", "0", "e.g. -10 for a 10% cut; above -100"));
        out.add(new Field("budget_from_month", "Change starts in month", "12", "reporting months; 0 is the first"));
        for (Scenario.Pathway p : base.pathways().values()) {
            if (p.capacity().kind() == Scenario.CapacityKind.CASELOAD) {
                out.add(new Field("fte." + p.name(), "Keyworker FTE: " + p.name(), num(p.capacity().staffFte()), "before any budget change"));
            } else if (p.capacity().kind() == Scenario.CapacityKind.PLACES) {
                out.add(new Field("places." + p.name(), "Places: " + p.name(), String.valueOf(p.capacity().places()), "before any budget change"));
            }
        }
        out.add(new Field("demand_change_pct", "Demand change (%)", "0", "change in new referrals for the whole run"));
        return out;
    }

    /** Allocation choices: the scenario's own rule, proportional, or protect one pathway or assessment. */
    static List<String> allocations(Scenario base) {
        List<String> out = new ArrayList<>();
        out.add(AS_SCENARIO);
        out.add(PROPORTIONAL);
        out.add(PROTECT + "assessment");
        for (String p : base.pathways().keySet()) out.add(PROTECT + p);
        return out;
    }

    /** Parses the form; what the form alone decides (numbers, demand above -100%, allocation, replications, seed) is reported here, the rest by the reader. */
    static Request parse(Map<String, String> form, Scenario base) {
        Map<String, String> errors = new LinkedHashMap<>();
        double pct = number(form, "budget_change_pct", 0, errors);
        double from = number(form, "budget_from_month", 12, errors);
        Map<String, Double> fte = new LinkedHashMap<>();
        Map<String, Double> places = new LinkedHashMap<>();
        for (Scenario.Pathway p : base.pathways().values()) {
            if (p.capacity().kind() == Scenario.CapacityKind.CASELOAD) fte.put(p.name(), number(form, "fte." + p.name(), p.capacity().staffFte(), errors));
            if (p.capacity().kind() == Scenario.CapacityKind.PLACES) places.put(p.name(), number(form, "places." + p.name(), p.capacity().places(), errors));
        }
        double demand = number(form, "demand_change_pct", 0, errors);
        if (!errors.containsKey("demand_change_pct") && demand <= -100) {
            errors.put("demand_change_pct", "must be more than -100, got " + num(demand));
        }
        String allocation = form.getOrDefault("allocation", AS_SCENARIO);
        if (!allocations(base).contains(allocation)) errors.put("allocation", "unknown allocation '" + allocation + "'");
        double reps = number(form, "replications", DEFAULT_REPLICATIONS, errors);
        if (!errors.containsKey("replications")) {
            // The CLI's rule for --replications, plus a ceiling so one browser cannot hold the machine for hours.
            if (reps != Math.rint(reps)) errors.put("replications", "must be a whole number, got " + num(reps));
            else if (reps < 2) errors.put("replications", "--replications must be at least 2 (got " + num(reps) + ")");
            else if (reps > MAX_REPLICATIONS) errors.put("replications", "at most " + MAX_REPLICATIONS + " from this page (got " + num(reps) + ")");
        }
        long seed = 1;
        String seedText = form.getOrDefault("seed", "1").trim();
        try {
            seed = Long.parseLong(seedText.isEmpty() ? "1" : seedText);
        } catch (NumberFormatException e) {
            errors.put("seed", "must be a whole number, got '" + seedText + "'");
        }
        return new Request(base.name(), pct, from, fte, places, demand, allocation, (int) reps, seed, errors);
    }

    /**
     * The what-if scenario: the baseline's resolved tree with the changes applied, named
     * {@code <baseline>-what-if}, without the baseline's calibration targets (a what-if has
     * no observed outcome to reproduce). The reader then judges it like any scenario file.
     */
    static ObjectNode tree(MapNode baseline, Request r) {
        ObjectNode t = (ObjectNode) baseline.toJson();
        t.put("name", r.baseline() + "-what-if");
        t.remove("targets");
        if (r.budgetChangePct() != 0) {
            // A change the baseline already makes in the same month is replaced, not stacked on.
            ArrayNode changes = t.withObjectProperty("budget").withArray("changes");
            ObjectNode change = null;
            for (JsonNode c : changes) {
                if (c instanceof ObjectNode o && o.path("from_month").isNumber() && o.get("from_month").asDouble() == r.budgetFromMonth()) change = o;
            }
            if (change == null) change = changes.addObject();
            change.set("from_month", whole(r.budgetFromMonth()));
            change.set("change_pct", whole(r.budgetChangePct()));
        }
        ObjectNode pathways = (ObjectNode) t.get("pathways");
        List<String> capacity = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.fte().entrySet()) {
            if (set(pathways, e.getKey(), "staff_fte", e.getValue())) capacity.add(num(e.getValue()) + " keyworker FTE on " + e.getKey());
        }
        for (Map.Entry<String, Double> e : r.places().entrySet()) {
            if (set(pathways, e.getKey(), "places", e.getValue())) capacity.add(num(e.getValue()) + " places on " + e.getKey());
        }
        t.put("description", describe(r, capacity));
        boolean variant = r.demandChangePct() != 0 || !capacity.isEmpty();
        if (r.demandChangePct() != 0) {
            ObjectNode arrivals = (ObjectNode) t.get("arrivals");
            double rate = arrivals.get("rate_per_month").asDouble();
            arrivals.set("rate_per_month", whole(rate * (1 + r.demandChangePct() / 100)));
        }
        // Staff, places or demand changed from the start: the baseline's rest is not the what-if's, so it warms up as a variant.
        if (variant && t.get(ScenarioFiles.VARIANT_WARMUP) != null) t.set(ScenarioFiles.WARMUP, t.get(ScenarioFiles.VARIANT_WARMUP));
        if (r.allocation().equals(AS_SCENARIO)) return t;
        ObjectNode alloc = t.withObjectProperty("budget").putObject("allocation");
        if (r.allocation().startsWith(PROTECT)) {
            alloc.put("rule", "protect").putArray("protect").add(r.allocation().substring(PROTECT.length()));
        } else {
            alloc.put("rule", PROPORTIONAL);
        }
        return t;
    }

    /** Sets a pathway's capacity {@code field} to {@code value}; whether that changed it. */
    private static boolean set(ObjectNode pathways, String pathway, String field, double value) {
        ObjectNode capacity = (ObjectNode) pathways.get(pathway).get("capacity");
        boolean changed = !capacity.has(field) || capacity.get(field).asDouble() != value;
        capacity.set(field, whole(value));
        return changed;
    }

    /** Which form field a reader message about {@code path} belongs beside, or null for the whole form. */
    static String fieldOf(String path) {
        if (path == null) return null;
        String[] p = path.split("\\.");
        if (p.length == 4 && p[0].equals("budget") && p[1].equals("changes")) {
            return p[3].equals("change_pct") ? "budget_change_pct" : p[3].equals("from_month") ? "budget_from_month" : null;
        }
        if (p.length == 4 && p[0].equals("pathways") && p[2].equals("capacity")) {
            return p[3].equals("staff_fte") ? "fte." + p[1] : p[3].equals("places") ? "places." + p[1] : null;
        }
        if (path.startsWith("budget.allocation")) return "allocation";
        if (path.equals("arrivals.rate_per_month")) return "demand_change_pct";
        return null;
    }

    /** The what-if in words, for its title: every change asked for ({@code capacity}: the staff and places changed). */
    static String describe(Request r, List<String> capacity) {
        List<String> parts = new ArrayList<>();
        if (r.budgetChangePct() != 0) parts.add(num(r.budgetChangePct()) + "% budget from month " + num(r.budgetFromMonth()));
        parts.addAll(capacity);
        if (r.demandChangePct() != 0) parts.add(num(r.demandChangePct()) + "% demand");
        if (r.allocation().startsWith(PROTECT)) parts.add("protecting " + r.allocation().substring(PROTECT.length()));
        if (r.allocation().equals(PROPORTIONAL)) parts.add("proportional allocation");
        return "What-if on " + r.baseline() + (parts.isEmpty() ? "" : ": " + String.join(", ", parts))
                + " (from caseload serve)";
    }

    private static double number(Map<String, String> form, String key, double dflt, Map<String, String> errors) {
        String text = form.get(key);
        if (text == null || text.isBlank()) return dflt;
        try {
            double v = Double.parseDouble(text.trim().replace('\u2212', '-'));
            if (Double.isNaN(v) || Double.isInfinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            errors.put(key, "must be a number, got '" + text.trim() + "'");
            return dflt;
        }
    }

    /** Whole numbers are written as integers, so the YAML reads as a person would write it. */
    private static JsonNode whole(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? com.fasterxml.jackson.databind.node.LongNode.valueOf((long) v)
                : com.fasterxml.jackson.databind.node.DoubleNode.valueOf(v);
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
