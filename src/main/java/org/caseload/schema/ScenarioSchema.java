package org.caseload.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.caseload.Version;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;

/**
 * JSON Schema (draft-07, the draft editors support best) of scenario files, so an editor can
 * complete keys, show what each means and flag mistakes while typing. It states the keys,
 * types, enumerations and most lower bounds of {@link org.caseload.scenario.ScenarioReader};
 * the upper bounds and some lower ones of {@code Ranges}, and rules across fields (shares
 * adding up to 1, every client routed, pathway names that exist) stay with the reader, which
 * remains the judge.
 *
 * <p>A file with {@code extends} only overrides some keys, so it is checked against a
 * "partial" copy of the schema in which no section is required, as the reader merges them into
 * the parent's: an episode outcome, and a distribution written without {@code dist}, may give
 * only the keys it changes. List items replace the parent's whole, so they stay complete. The
 * enumerations of the model's own enums come from them; the distribution kinds are written
 * here and must be kept in step with the reader's.
 */
public final class ScenarioSchema {
    public static final String DRAFT = "http://json-schema.org/draft-07/schema#";
    /** Top-level keys a complete scenario must have. */
    static final List<String> REQUIRED_TOP = List.of("name", "horizon_months", "arrivals", "clients", "assessment",
            "routing", "pathways", "after_exit", "mortality");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final boolean complete;
    private final ObjectNode defs;

    private ScenarioSchema(boolean complete, ObjectNode defs) {
        this.complete = complete;
        this.defs = defs;
    }

    /** The schema as a JSON tree. */
    public static ObjectNode build() {
        ObjectNode root = F.objectNode();
        root.put("$schema", DRAFT);
        root.put("title", "caseload scenario");
        root.put("description", "A caseload scenario file (caseload " + Version.VERSION + "). Units are in key names: "
                + "_days, _per_month, _gbp, _per_1000_py; months are reporting months (0 = end of the warm-up).");
        ObjectNode defs = root.putObject("definitions");
        defs.set("distribution", distribution());
        // In a file that extends another, a distribution written without dist is merged into the parent's.
        ObjectNode partialDistribution = distribution();
        partialDistribution.remove("required");
        defs.set("partialDistribution", partialDistribution);
        defs.set("complete", new ScenarioSchema(true, defs).scenario());
        defs.set("partial", new ScenarioSchema(false, defs).scenario());
        root.putObject("if").putArray("required").add("extends");
        root.putObject("then").put("$ref", "#/definitions/partial");
        root.putObject("else").put("$ref", "#/definitions/complete");
        return root;
    }

    /** The schema as pretty-printed JSON text. */
    public static String json() {
        return build().toPrettyString() + "\n";
    }

    private ObjectNode scenario() {
        ObjectNode s = section("A scenario: one local treatment system.", REQUIRED_TOP);
        ObjectNode p = (ObjectNode) s.get("properties");
        p.set("extends", text("Parent scenario file, relative to this one; this file overrides some of its keys "
                + "(maps merge, lists and values replace)."));
        p.set("name", text("Scenario name; names the output folder.").put("pattern", "^[A-Za-z0-9][A-Za-z0-9_.-]*$")
                .put("maxLength", ScenarioReader.MAX_NAME_LENGTH));
        p.set("description", text("What the scenario represents."));
        p.set("horizon_months", integer("Months reported after the warm-up.", 1));
        p.set("warmup_months", integer("Months simulated before reporting starts (default 0).", 0));
        p.set("variant_warmup_months", integer("Warm-up of a variant (a --set, sweep, psa, sensitivity, calibration or what-if "
                + "value), which starts from this file's initial caseload but not at its own rest (default warmup_months).", 0));
        p.set("start_date", text("Calendar date of the first reported day (yyyy-mm-dd, default 2025-04-01); "
                + "dates the events of --event-log only.").put("format", "date"));
        p.set("arrivals", arrivals());
        p.set("clients", clients());
        p.set("assessment", assessment());
        p.set("routing", routing());
        p.set("effects", effects());
        ObjectNode pathways = described(F.objectNode().put("type", "object"),
                "Pathways by name (your choice of names); each with capacity, costs and episode outcomes.");
        pathways.put("minProperties", 1);
        pathways.set("additionalProperties", pathway());
        p.set("pathways", pathways);
        p.set("after_exit", afterExit());
        p.set("mortality", mortality());
        p.set("budget", BudgetSchema.section());
        ObjectNode initial = described(F.objectNode().put("type", "object"), "People in each pathway at time 0.");
        initial.set("additionalProperties", integer("People in this pathway at time 0.", 0));
        p.set("initial_caseload", initial);
        ObjectNode target = item("A figure the scenario claims to reproduce, checked by the test suite.",
                List.of("metric", "value", "tolerance_pct"));
        props(target).set("metric", text("Metric name, as in summary.csv."));
        props(target).set("value", number("Observed value.", null, null));
        props(target).set("tolerance_pct", number("Allowed distance from the value, % of the value.", null, 0.0));
        props(target).set("source", text("Where the figure comes from."));
        p.set("targets", array("Figures the scenario reproduces (metric, value, tolerance_pct, source).", target));
        p.set("uncertainty", UncertaintySchema.section());
        return s;
    }

    private ObjectNode arrivals() {
        ObjectNode s = section("New referrals.", List.of("rate_per_month"));
        props(s).set("rate_per_month", number("New referrals a month (re-presentations come on top).", 0.0, null));
        ObjectNode seasonality = array("Multipliers for January to December.", number("Multiplier.", 0.0, null));
        seasonality.put("minItems", 12).put("maxItems", 12);
        props(s).set("seasonality_multipliers", seasonality);
        props(s).set("trend_pct_per_year", number("Growth (or fall) in referrals, % a year.", null, -100.0));
        ObjectNode step = item("A step change in referrals.", List.of("from_month", "multiplier"));
        props(step).set("from_month", number("Month the step starts.", 0.0, null));
        props(step).set("multiplier", number("Multiplier on the rate from then on.", 0.0, null));
        props(s).set("steps", array("Step changes in the referral rate.", step));
        return s;
    }

    private ObjectNode clients() {
        ObjectNode s = section("The mix of new referrals.", List.of("group_shares", "complexity_shares", "ready_to_change",
                "previous_episodes_shares"));
        ObjectNode groups = section("Share of new referrals in each substance group (adding up to 1).", List.of());
        for (Group g : Group.values()) props(groups).set(g.key(), probability("Share of " + g.key() + " clients."));
        props(s).set("group_shares", groups);
        ObjectNode complexity = section("Shares of complexity levels (adding up to 1).", List.of());
        for (Complexity c : Complexity.values()) props(complexity).set(c.key(), probability("Share at " + c.key() + " complexity."));
        props(s).set("complexity_shares", byGroup("Complexity mix by group, with 'default'.", complexity));
        props(s).set("ready_to_change", byGroup("Probability a client is likely to change, by group, with 'default'.",
                probability("Probability.")));
        props(s).set("previous_episodes_shares", byGroup("Shares with 0, 1, 2, ... previous episodes, by group.",
                minItems(array("Shares for 0, 1, 2, ... previous episodes.", probability("Share.")), 1)));
        return s;
    }

    private ObjectNode assessment() {
        ObjectNode s = section("Assessment before a pathway.", List.of("workers", "service_days"));
        props(s).set("workers", integer("Parallel assessors.", 0));
        props(s).set("service_days", distribution("Days an assessment takes."));
        props(s).set("patience_days", distribution("Days people wait for assessment before giving up."));
        props(s).set("cost_per_worker_gbp", number("Yearly cost of one assessor.", 0.0, null));
        return s;
    }

    private ObjectNode routing() {
        ObjectNode rule = item("A routing rule: who (all optional) goes where; first match wins.", List.of());
        props(rule).set("group", oneOrMore("Substance group(s).", keys(Group.values())));
        props(rule).set("complexity", oneOrMore("Complexity level(s).", keys(Complexity.values())));
        props(rule).set("readiness", oneOrMore("Readiness to change.", keys(Readiness.values())));
        props(rule).set("pathway", text("Pathway the matching people go to."));
        ObjectNode split = described(F.objectNode().put("type", "object"), "Shares of matching people per pathway (adding up to 1).");
        split.set("additionalProperties", probability("Share."));
        props(rule).set("split", split);
        ObjectNode either = F.objectNode();
        either.putArray("oneOf").add(requiring("pathway")).add(requiring("split"));
        rule.putArray("allOf").add(either);
        return minItems(array("Ordered routing rules; every combination of group, complexity and readiness must be routed.",
                rule), 1);
    }

    private ObjectNode effects() {
        ObjectNode s = section("How complexity, history and caseload pressure change the chance of completing.", List.of());
        ObjectNode odds = section("Odds multipliers of completion by complexity.", List.of());
        for (Complexity c : Complexity.values()) props(odds).set(c.key(), number("Odds multiplier (default 1).", 0.0, null));
        props(s).set("completion_odds_by_complexity", odds);
        props(s).set("completion_odds_per_previous_episode", number("Odds multiplier per previous episode (default 1).", 0.0, null));
        ObjectNode pressure = section("Strength of caseload pressure (clients per FTE above target).", List.of());
        props(pressure).set("completion", number("Completion weight x 1/(1 + strength x excess) (default 0).", 0.0, null));
        props(pressure).set("dropout", number("Drop-out weight x (1 + strength x excess) (default 0).", 0.0, null));
        props(s).set("caseload_pressure", pressure);
        return s;
    }

    private ObjectNode pathway() {
        ObjectNode s = section("A pathway.", List.of("capacity", "episodes"));
        props(s).set("treatment", bool("Counts as in treatment (default true)."));
        props(s).set("prescribing", bool("A prescribing pathway: deaths spike after leaving it (default false)."));
        ObjectNode cap = section("Capacity.", List.of("kind"));
        props(cap).set("kind", enumeration("caseload (staff x caseload), places (fixed places) or open (no limit).",
                keys(Scenario.CapacityKind.values())));
        props(cap).set("staff_fte", number("Funded staff, FTE.", 0.0, null));
        props(cap).set("caseload_per_fte", number("Target clients per FTE.", 0.0, null));
        props(cap).set("max_caseload_per_fte", number("Most clients per FTE under when_full stretch_then_queue (default caseload_per_fte).", 0.0, null));
        props(cap).set("places", integer("Places (kind places).", 0));
        props(s).set("capacity", cap);
        props(s).set("when_full", enumeration("What happens when the pathway is full (default queue).",
                keys(Scenario.FullPolicy.values())));
        props(s).set("patience_days", distribution("Days people wait for a place before giving up."));
        ObjectNode costs = section("Costs.", List.of());
        props(costs).set("staff_per_fte_gbp", number("Yearly cost of one FTE.", 0.0, null));
        props(costs).set("medication_per_client_day_gbp", number("Medication per client-day.", 0.0, null));
        props(costs).set("place_per_week_gbp", number("Cost of a place a week.", 0.0, null));
        props(s).set("costs", costs);
        ObjectNode outcome = section("One way an episode ends.", List.of("probability", "days"));
        props(outcome).set("probability", probability("Probability of this ending (the three add up to 1)."));
        props(outcome).set("days", distribution("Days to this ending."));
        ObjectNode episode = section("How episodes end: complete, dropout, transfer (probabilities adding up to 1).", List.of());
        for (String o : List.of("complete", "dropout", "transfer")) props(episode).set(o, outcome);
        props(s).set("episodes", byGroup("Episode outcomes by group, with 'default'.", episode));
        ObjectNode transfer = described(F.objectNode().put("type", "object"), "Where transfers go: share per pathway.");
        transfer.set("additionalProperties", probability("Share."));
        props(s).set("transfer_to", transfer);
        ObjectNode onCompletion = described(F.objectNode().put("type", "object"),
                "Probability of moving on to another pathway after completing, per pathway.");
        onCompletion.set("additionalProperties", probability("Probability."));
        props(s).set("on_completion", onCompletion);
        return s;
    }

    private ObjectNode afterExit() {
        ObjectNode s = section("What happens after leaving.", List.of("relapse_after_completion", "relapse_after_dropout", "represent"));
        for (String k : List.of("relapse_after_completion", "relapse_after_dropout")) {
            ObjectNode r = section("Relapse: probability by group and time to relapse.", List.of("probability", "days"));
            props(r).set("probability", byGroup("Probability of relapse by group.", probability("Probability.")));
            props(r).set("days", distribution("Days to relapse."));
            props(s).set(k, r);
        }
        props(s).set("recovery_community_relapse_multiplier", number("Relapse multiplier after the recovery community (default 1).", 0.0, null));
        ObjectNode rep = section("Re-presentation after relapse.", List.of("probability", "delay_days"));
        props(rep).set("probability", byGroup("Probability of re-presenting by group.", probability("Probability.")));
        props(rep).set("delay_days", distribution("Days from relapse to re-presenting."));
        props(s).set("represent", rep);
        ObjectNode again = section("Referred again after dropping away while waiting (default: as represent).",
                List.of("probability", "delay_days"));
        props(again).set("probability", byGroup("Probability of being referred again by group.", probability("Probability.")));
        props(again).set("delay_days", distribution("Days from dropping away to the new referral."));
        props(s).set("rereferral_after_dropping_away", again);
        props(s).set("followup_days", number("Days after leaving in which deaths are counted (default 365).", 0.0, null));
        return s;
    }

    private ObjectNode mortality() {
        ObjectNode s = section("Deaths.", List.of("in_treatment_per_1000_py", "out_of_treatment_per_1000_py"));
        props(s).set("in_treatment_per_1000_py", byGroup("Deaths per 1,000 person-years in treatment.", number("Rate.", 0.0, null)));
        props(s).set("out_of_treatment_per_1000_py", byGroup("Deaths per 1,000 person-years out of treatment (and waiting).",
                number("Rate.", 0.0, null)));
        props(s).set("post_exit_multiplier_weeks_1_2", number("Multiplier in weeks 1-2 after leaving prescribing (default 1).", 0.0, null));
        props(s).set("post_exit_multiplier_weeks_3_4", number("Multiplier in weeks 3-4 after leaving prescribing (default 1).", 0.0, null));
        return s;
    }

    // ------------------------------------------------------------------ building blocks

    /** Distributions replace the parent's whole, so this definition is the same in both variants. */
    private static ObjectNode distribution() {
        ObjectNode d = F.objectNode().put("type", "object");
        d.put("description", "A distribution, sampled by inversion: {dist: NAME, ...parameters}.");
        ObjectNode p = d.putObject("properties");
        String[][] kinds = {{"exponential", "mean"}, {"gamma", "shape", "mean"}, {"lognormal", "median", "sigma", "mean", "sd"},
                {"weibull", "shape", "scale"}, {"fixed", "value"}, {"uniform", "min", "max"}, {"empirical", "values"}};
        ArrayNode names = F.arrayNode();
        for (String[] k : kinds) names.add(k[0]);
        p.set("dist", F.objectNode().put("description", "Distribution name.").set("enum", names));
        for (String k : List.of("mean", "shape", "median", "sigma", "sd", "scale")) p.set(k, number(k + " (more than 0).", null, 0.0));
        for (String k : List.of("value", "min", "max")) p.set(k, number(k + " (0 or more).", 0.0, null));
        p.set("values", minItems(array("Values to draw from (0 or more each).", number("Value.", 0.0, null)), 1));
        d.putArray("required").add("dist");
        d.put("additionalProperties", false);
        ArrayNode all = d.putArray("allOf");
        for (String[] k : kinds) {
            ObjectNode rule = all.addObject();
            // "if" names dist as required: without it, an absent dist would satisfy every kind's condition.
            ObjectNode when = rule.putObject("if");
            when.putObject("properties").putObject("dist").put("const", k[0]);
            when.putArray("required").add("dist");
            ObjectNode then = rule.putObject("then");
            List<String> allowed = new ArrayList<>(Arrays.asList(k));
            allowed.set(0, "dist");
            ArrayNode allowedNames = F.arrayNode();
            allowed.forEach(allowedNames::add);
            then.putObject("propertyNames").set("enum", allowedNames);
            if (k[0].equals("lognormal")) {
                then.putArray("anyOf").add(requiring("median", "sigma")).add(requiring("mean", "sd"));
            } else {
                ArrayNode req = then.putArray("required");
                for (int i = 1; i < k.length; i++) req.add(k[i]);
            }
        }
        return d;
    }

    private ObjectNode distribution(String description) {
        ObjectNode ref = F.objectNode().put("description", description);
        ref.putArray("allOf").addObject().put("$ref", complete ? "#/definitions/distribution" : "#/definitions/partialDistribution");
        return ref;
    }

    /** A mapping whose keys are listed; {@code required} only applies to complete scenarios. */
    private ObjectNode section(String description, List<String> required) {
        ObjectNode s = described(F.objectNode().put("type", "object"), description);
        s.putObject("properties");
        s.put("additionalProperties", false);
        if (complete && !required.isEmpty()) {
            ArrayNode r = s.putArray("required");
            required.forEach(r::add);
        }
        return s;
    }

    /** A list item or other mapping that always replaces the parent's whole, so is always complete. */
    static ObjectNode item(String description, List<String> required) {
        ObjectNode s = described(F.objectNode().put("type", "object"), description);
        s.putObject("properties");
        s.put("additionalProperties", false);
        if (!required.isEmpty()) {
            ArrayNode r = s.putArray("required");
            required.forEach(r::add);
        }
        return s;
    }

    private ObjectNode byGroup(String description, ObjectNode value) {
        ObjectNode s = section(description + " Groups: " + String.join(", ", keys(Group.values())) + "; 'default' covers the rest.",
                List.of());
        for (Group g : Group.values()) props(s).set(g.key(), value);
        props(s).set("default", value);
        return s;
    }

    static ObjectNode props(ObjectNode s) {
        return (ObjectNode) s.get("properties");
    }

    static ObjectNode described(ObjectNode n, String description) {
        return n.put("description", description);
    }

    static ObjectNode text(String description) {
        return described(F.objectNode().put("type", "string"), description);
    }

    private static ObjectNode bool(String description) {
        return described(F.objectNode().put("type", "boolean"), description);
    }

    static ObjectNode number(String description, Double minimum, Double exclusiveMinimum) {
        ObjectNode n = described(F.objectNode().put("type", "number"), description);
        if (minimum != null) n.put("minimum", minimum);
        if (exclusiveMinimum != null) n.put("exclusiveMinimum", exclusiveMinimum);
        return n;
    }

    private static ObjectNode integer(String description, int minimum) {
        return described(F.objectNode().put("type", "integer"), description).put("minimum", minimum);
    }

    private static ObjectNode probability(String description) {
        return number(description + " Between 0 and 1.", 0.0, null).put("maximum", 1.0);
    }

    static ObjectNode array(String description, JsonNode items) {
        ObjectNode a = described(F.objectNode().put("type", "array"), description);
        a.set("items", items);
        return a;
    }

    private static ObjectNode minItems(ObjectNode array, int n) {
        return array.put("minItems", n);
    }

    static ObjectNode enumeration(String description, List<String> values) {
        ObjectNode e = described(F.objectNode().put("type", "string"), description);
        ArrayNode v = e.putArray("enum");
        values.forEach(v::add);
        return e;
    }

    private static ObjectNode oneOrMore(String description, List<String> values) {
        ObjectNode n = F.objectNode().put("description", description + " One value or a list.");
        n.putArray("oneOf").add(enumeration("One value.", values)).add(array("Several values.", enumeration("A value.", values)));
        return n;
    }

    private static ObjectNode requiring(String... keys) {
        ObjectNode n = F.objectNode();
        ArrayNode r = n.putArray("required");
        for (String k : keys) r.add(k);
        return n;
    }

    static List<String> keys(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : values) {
            if (e instanceof Group g) out.add(g.key());
            else if (e instanceof Complexity c) out.add(c.key());
            else if (e instanceof Readiness r) out.add(r.key());
            else out.add(e.name().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
