package org.caseload.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.caseload.scenario.Scenario.AllocationRule;
import org.caseload.scenario.Scenario.CapacityKind;
import org.caseload.scenario.Scenario.FullPolicy;

/**
 * Builds a {@link Scenario} from a resolved configuration tree, checking every value and
 * reporting the first mistake with file, line and field. Every key a scenario may contain
 * is asked for here (optional ones with their defaults), so that any other key is reported
 * as unknown with a suggestion.
 */
public final class ScenarioReader {
    private static final double SHARE_TOLERANCE = 1e-6;

    private ScenarioReader() {
    }

    /** Loads a scenario file (resolving {@code extends} and applying overrides) and validates it. */
    public static Loaded load(Path file, List<String> overrides) {
        MapNode tree = ScenarioFiles.resolve(file, overrides);
        Scenario scenario = read(tree);
        UncertaintyReader.read(tree); // checked here so that validate and run refuse a bad section too
        return new Loaded(scenario, tree);
    }

    /** A scenario with the resolved tree it came from (written to the manifest). */
    public record Loaded(Scenario scenario, MapNode tree) {
    }

    public static Scenario read(MapNode tree) {
        MapReader r = MapReader.root(tree);
        String name = r.string("name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            r.fail("name", "use letters, digits, '-', '_' or '.' (it names the output folder), got '" + name + "'");
        }
        String description = r.string("description", "");
        int horizon = r.integer("horizon_months");
        if (horizon < 1) r.fail("horizon_months", "must be at least 1, got " + horizon);
        int warmup = r.integer("warmup_months", 0);
        if (warmup < 0) r.fail("warmup_months", "must be 0 or more, got " + warmup);

        Scenario.Arrivals arrivals = arrivals(r.map("arrivals"), horizon);
        Scenario.ClientMix clients = clients(r.map("clients"));
        Scenario.Assessment assessment = assessment(r.map("assessment"));
        MapReader pathwaysReader = r.map("pathways");
        Set<String> pathwayNames = pathwaysReader.keys();
        if (pathwayNames.isEmpty()) r.fail("pathways", "at least one pathway is needed");
        List<Scenario.RouteRule> routing = routing(r, pathwayNames);
        Scenario.Effects effects = effects(r.optionalMap("effects"));
        Map<String, Scenario.Pathway> pathways = new LinkedHashMap<>();
        for (String p : pathwayNames) pathways.put(p, pathway(p, pathwaysReader.map(p), pathwayNames));
        Scenario.AfterExit afterExit = afterExit(r.map("after_exit"));
        Scenario.Mortality mortality = mortality(r.map("mortality"));
        Scenario.Budget budget = budget(r.optionalMap("budget"), pathwayNames, horizon);
        Map<String, Integer> initial = new LinkedHashMap<>();
        Optional<MapReader> init = r.optionalMap("initial_caseload");
        if (init.isPresent()) {
            MapReader ir = init.get();
            for (String p : ir.keys()) {
                if (!pathwayNames.contains(p)) {
                    ir.fail(p, "unknown pathway" + suggestion(p, pathwayNames));
                }
                int n = ir.integer(p);
                if (n < 0) ir.fail(p, "must be 0 or more, got " + n);
                initial.put(p, n);
            }
            ir.finish();
        }
        List<Scenario.Target> targets = targets(r, pathwayNames);
        r.optionalMap(UncertaintyReader.KEY); // read by UncertaintyReader
        r.finish();
        return new Scenario(name, description, horizon, warmup, arrivals, clients, assessment, routing, pathways,
                effects, afterExit, mortality, budget, initial, targets);
    }

    /** {@code targets}: figures the scenario claims to reproduce, each {metric, value, tolerance_pct, source}. */
    private static List<Scenario.Target> targets(MapReader root, Set<String> pathways) {
        List<Scenario.Target> out = new ArrayList<>();
        Set<String> known = new java.util.LinkedHashSet<>();
        org.caseload.results.Metrics.forPathways(pathways).forEach(m -> known.add(m.name()));
        for (ConfigNode n : root.optionalList("targets").orElse(List.of())) {
            MapReader t = MapReader.of(n);
            String metric = t.string("metric");
            if (!known.contains(metric)) t.fail("metric", "unknown metric '" + metric + "'" + suggestion(metric, known));
            double value = t.number("value");
            double tol = positive(t, "tolerance_pct");
            String source = t.string("source", "");
            t.finish();
            out.add(new Scenario.Target(metric, value, tol, source));
        }
        return out;
    }

    private static Scenario.Arrivals arrivals(MapReader r, int horizon) {
        double rate = nonNegative(r, "rate_per_month");
        double[] seasonality = r.numberList("seasonality_multipliers", new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        if (seasonality.length != 12) {
            r.fail("seasonality_multipliers", "needs 12 values (January to December), got " + seasonality.length);
        }
        for (double s : seasonality) {
            if (!(s >= 0)) r.fail("seasonality_multipliers", "multipliers must be 0 or more, got " + fmt(s));
        }
        double trend = r.number("trend_pct_per_year", 0.0);
        if (trend <= -100) r.fail("trend_pct_per_year", "must be above -100, got " + fmt(trend));
        List<Scenario.Arrivals.Step> steps = new ArrayList<>();
        for (ConfigNode n : r.optionalList("steps").orElse(List.of())) {
            MapReader s = MapReader.of(n);
            double from = nonNegative(s, "from_month");
            double mult = nonNegative(s, "multiplier");
            s.finish();
            steps.add(new Scenario.Arrivals.Step(from, mult));
        }
        r.finish();
        return new Scenario.Arrivals(rate, seasonality, trend, steps);
    }

    private static Scenario.ClientMix clients(MapReader r) {
        MapReader gs = r.map("group_shares");
        double[] groups = new double[Group.values().length];
        for (Group g : Group.values()) groups[g.ordinal()] = probability(gs, g.key(), 0.0);
        gs.finish();
        requireSum(r, "group_shares", groups);
        ByGroup<double[]> complexity = byGroup(r.map("complexity_shares"), (m, key) -> {
            MapReader c = m.map(key);
            double[] v = new double[Complexity.values().length];
            for (Complexity x : Complexity.values()) v[x.ordinal()] = probability(c, x.key(), 0.0);
            c.finish();
            requireSum(m, key, v);
            return v;
        });
        ByGroup<Double> ready = byGroup(r.map("ready_to_change"), ScenarioReader::probability);
        ByGroup<double[]> previous = byGroup(r.map("previous_episodes_shares"), (m, key) -> {
            double[] v = m.numberList(key);
            if (v.length == 0) m.fail(key, "needs at least one share (for 0 previous episodes)");
            for (double x : v) if (!(x >= 0 && x <= 1)) m.fail(key, "shares must be between 0 and 1, got " + fmt(x));
            requireSum(m, key, v);
            return v;
        });
        r.finish();
        double[][] cx = new double[Group.values().length][];
        double[] rd = new double[Group.values().length];
        double[][] pv = new double[Group.values().length][];
        for (Group g : Group.values()) {
            cx[g.ordinal()] = complexity.get(g);
            rd[g.ordinal()] = ready.get(g);
            pv[g.ordinal()] = previous.get(g);
        }
        return new Scenario.ClientMix(groups, cx, rd, pv);
    }

    private static Scenario.Assessment assessment(MapReader r) {
        int workers = r.integer("workers");
        if (workers < 0) r.fail("workers", "must be 0 or more, got " + workers);
        Distribution service = distribution(r, "service_days");
        Distribution patience = r.optionalMap("patience_days").isPresent() ? distribution(r, "patience_days") : null;
        double cost = nonNegative(r, "cost_per_worker_gbp", 0.0);
        r.finish();
        return new Scenario.Assessment(workers, service, patience, cost);
    }

    private static List<Scenario.RouteRule> routing(MapReader root, Set<String> pathways) {
        List<ConfigNode> rules = root.list("routing");
        if (rules.isEmpty()) root.fail("routing", "at least one rule is needed");
        List<Scenario.RouteRule> out = new ArrayList<>();
        for (ConfigNode n : rules) {
            MapReader r = MapReader.of(n);
            Set<Group> groups = enumSet(r, "group", Group.class, Group::key);
            Set<Complexity> complexities = enumSet(r, "complexity", Complexity.class, Complexity::key);
            Set<Readiness> readiness = enumSet(r, "readiness", Readiness.class, Readiness::key);
            Map<String, Double> split = new LinkedHashMap<>();
            String single = r.string("pathway", null);
            Optional<MapReader> splitMap = r.optionalMap("split");
            if (single != null && splitMap.isPresent()) r.fail("split", "give either 'pathway' or 'split', not both");
            if (single != null) {
                if (!pathways.contains(single)) r.fail("pathway", "unknown pathway '" + single + "'" + suggestion(single, pathways));
                split.put(single, 1.0);
            } else if (splitMap.isPresent()) {
                split = shares(splitMap.get(), pathways, true);
                requireSum(r, "split", split.values().stream().mapToDouble(Double::doubleValue).toArray());
            } else {
                r.fail("pathway", "missing required field (or give 'split')");
            }
            r.finish();
            out.add(new Scenario.RouteRule(groups, complexities, readiness, split));
        }
        for (Group g : Group.values()) {
            for (Complexity c : Complexity.values()) {
                for (Readiness rd : Readiness.values()) {
                    if (out.stream().noneMatch(rule -> rule.matches(g, c, rd))) {
                        root.fail("routing", "no rule routes " + g.key() + " clients of " + c.key() + " complexity who are "
                                + rd.key() + " to change; add a catch-all rule (one with only 'pathway')");
                    }
                }
            }
        }
        return out;
    }

    private static Scenario.Effects effects(Optional<MapReader> maybe) {
        double[] odds = {1, 1, 1, 1};
        double perEpisode = 1;
        double pc = 0;
        double pd = 0;
        if (maybe.isPresent()) {
            MapReader r = maybe.get();
            Optional<MapReader> o = r.optionalMap("completion_odds_by_complexity");
            if (o.isPresent()) {
                for (Complexity c : Complexity.values()) odds[c.ordinal()] = nonNegative(o.get(), c.key(), 1.0);
                o.get().finish();
            }
            perEpisode = nonNegative(r, "completion_odds_per_previous_episode", 1.0);
            Optional<MapReader> p = r.optionalMap("caseload_pressure");
            if (p.isPresent()) {
                pc = nonNegative(p.get(), "completion", 0.0);
                pd = nonNegative(p.get(), "dropout", 0.0);
                p.get().finish();
            }
            r.finish();
        }
        return new Scenario.Effects(odds, perEpisode, pc, pd);
    }

    private static Scenario.Pathway pathway(String name, MapReader r, Set<String> pathways) {
        boolean treatment = r.bool("treatment", true);
        boolean prescribing = r.bool("prescribing", false);
        MapReader cap = r.map("capacity");
        String kindText = cap.string("kind");
        CapacityKind kind = enumValue(cap, "kind", kindText, CapacityKind.class);
        double fte = nonNegative(cap, "staff_fte", 0.0);
        double perFte = kind == CapacityKind.CASELOAD ? positive(cap, "caseload_per_fte") : nonNegative(cap, "caseload_per_fte", 0.0);
        double maxPerFte = nonNegative(cap, "max_caseload_per_fte", perFte);
        if (maxPerFte < perFte) cap.fail("max_caseload_per_fte", "must be at least caseload_per_fte (" + fmt(perFte) + "), got " + fmt(maxPerFte));
        int places = cap.integer("places", 0);
        if (places < 0) cap.fail("places", "must be 0 or more, got " + places);
        if (kind == CapacityKind.PLACES && !cap.has("places")) cap.fail("places", "missing required field for kind 'places'");
        if (kind == CapacityKind.CASELOAD && fte <= 0 && !cap.has("staff_fte")) {
            cap.fail("staff_fte", "missing required field for kind 'caseload'");
        }
        cap.finish();
        String policyText = r.string("when_full", "queue");
        FullPolicy policy = enumValue(r, "when_full", policyText, FullPolicy.class);
        Distribution patience = r.optionalMap("patience_days").isPresent() ? distribution(r, "patience_days") : null;
        double staffCost = 0;
        double medication = 0;
        double placeWeek = 0;
        Optional<MapReader> costs = r.optionalMap("costs");
        if (costs.isPresent()) {
            MapReader c = costs.get();
            staffCost = nonNegative(c, "staff_per_fte_gbp", 0.0);
            medication = nonNegative(c, "medication_per_client_day_gbp", 0.0);
            placeWeek = nonNegative(c, "place_per_week_gbp", 0.0);
            c.finish();
        }
        ByGroup<Scenario.Episode> episodes = byGroup(r.map("episodes"), ScenarioReader::episode);
        Map<String, Double> transferTo = r.optionalMap("transfer_to").map(m -> shares(m, pathways, false)).orElse(Map.of());
        if (!transferTo.isEmpty()) {
            requireSum(r, "transfer_to", transferTo.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        Map<String, Double> onCompletion = r.optionalMap("on_completion").map(m -> shares(m, pathways, false)).orElse(Map.of());
        double completionTotal = onCompletion.values().stream().mapToDouble(Double::doubleValue).sum();
        if (completionTotal > 1 + SHARE_TOLERANCE) {
            r.fail("on_completion", "probabilities add up to " + fmt(completionTotal) + ", more than 1");
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
                p[i] = probability(o.get(), "probability");
                d[i] = distribution(o.get(), "days");
                o.get().finish();
            } else {
                p[i] = 0;
                d[i] = new Distribution.Fixed(0);
            }
        }
        r.finish();
        requireSum(parent, key, p);
        return new Scenario.Episode(p[0], d[0], p[1], d[1], p[2], d[2]);
    }

    private static Scenario.AfterExit afterExit(MapReader r) {
        MapReader c = r.map("relapse_after_completion");
        ByGroup<Double> pc = byGroup(c.map("probability"), ScenarioReader::probability);
        Distribution dc = distribution(c, "days");
        c.finish();
        MapReader d = r.map("relapse_after_dropout");
        ByGroup<Double> pd = byGroup(d.map("probability"), ScenarioReader::probability);
        Distribution dd = distribution(d, "days");
        d.finish();
        double rc = nonNegative(r, "recovery_community_relapse_multiplier", 1.0);
        MapReader rep = r.map("represent");
        ByGroup<Double> pr = byGroup(rep.map("probability"), ScenarioReader::probability);
        Distribution delay = distribution(rep, "delay_days");
        rep.finish();
        double followup = nonNegative(r, "followup_days", 365.0);
        r.finish();
        return new Scenario.AfterExit(pc, dc, pd, dd, rc, pr, delay, followup);
    }

    private static Scenario.Mortality mortality(MapReader r) {
        ByGroup<Double> in = byGroup(r.map("in_treatment_per_1000_py"), ScenarioReader::nonNegative);
        ByGroup<Double> out = byGroup(r.map("out_of_treatment_per_1000_py"), ScenarioReader::nonNegative);
        double m12 = nonNegative(r, "post_exit_multiplier_weeks_1_2", 1.0);
        double m34 = nonNegative(r, "post_exit_multiplier_weeks_3_4", 1.0);
        r.finish();
        return new Scenario.Mortality(in, out, m12, m34);
    }

    private static Scenario.Budget budget(Optional<MapReader> maybe, Set<String> pathways, int horizon) {
        if (maybe.isEmpty()) return new Scenario.Budget(Double.NaN, 0, List.of(), AllocationRule.PROPORTIONAL, Set.of());
        MapReader r = maybe.get();
        double annual = r.has("annual_gbp") ? positive(r, "annual_gbp") : Double.NaN;
        double overheads = nonNegative(r, "overheads_per_year_gbp", 0.0);
        List<Scenario.Budget.Change> changes = new ArrayList<>();
        for (ConfigNode n : r.optionalList("changes").orElse(List.of())) {
            MapReader c = MapReader.of(n);
            double from = nonNegative(c, "from_month");
            if (from >= horizon) c.fail("from_month", "is at or after the end of the run (horizon_months " + horizon + ")");
            double pct = c.number("change_pct");
            if (pct <= -100) c.fail("change_pct", "must be above -100, got " + fmt(pct));
            c.finish();
            changes.add(new Scenario.Budget.Change(from, pct));
        }
        AllocationRule rule = AllocationRule.PROPORTIONAL;
        Set<String> protect = Set.of();
        Optional<MapReader> alloc = r.optionalMap("allocation");
        if (alloc.isPresent()) {
            MapReader a = alloc.get();
            rule = enumValue(a, "rule", a.string("rule", "proportional"), AllocationRule.class);
            List<String> names = a.stringList("protect", List.of());
            for (String p : names) {
                if (!pathways.contains(p) && !p.equals(Scenario.Budget.ASSESSMENT)) {
                    a.fail("protect", "unknown pathway '" + p + "'" + suggestion(p, pathways));
                }
            }
            if (rule == AllocationRule.PROPORTIONAL && !names.isEmpty()) {
                a.fail("protect", "only used with rule 'protect'");
            }
            protect = Set.copyOf(names);
            a.finish();
        }
        r.finish();
        return new Scenario.Budget(annual, overheads, changes, rule, protect);
    }

    // ------------------------------------------------------------------ distributions

    /**
     * A distribution written as {@code {dist: NAME, ...parameters}}: exponential (mean),
     * gamma (shape, mean), lognormal (median and sigma, or mean and sd), weibull (shape,
     * scale), fixed (value), uniform (min, max), empirical (values).
     */
    static Distribution distribution(MapReader parent, String key) {
        MapReader r = parent.map(key);
        String kind = r.string("dist");
        Distribution d;
        switch (kind) {
            case "exponential" -> d = new Distribution.Exponential(positive(r, "mean"));
            case "gamma" -> d = new Distribution.Gamma(positive(r, "shape"), positive(r, "mean"));
            case "lognormal" -> {
                if (r.has("median")) {
                    d = Distribution.Lognormal.ofMedian(positive(r, "median"), positive(r, "sigma"));
                } else {
                    d = Distribution.Lognormal.ofMeanSd(positive(r, "mean"), positive(r, "sd"));
                }
            }
            case "weibull" -> d = new Distribution.Weibull(positive(r, "shape"), positive(r, "scale"));
            case "fixed" -> d = new Distribution.Fixed(nonNegative(r, "value"));
            case "uniform" -> {
                double min = nonNegative(r, "min");
                double max = nonNegative(r, "max");
                if (max < min) r.fail("max", "must be at least min (" + fmt(min) + "), got " + fmt(max));
                d = new Distribution.Uniform(min, max);
            }
            case "empirical" -> {
                double[] v = r.numberList("values");
                if (v.length == 0) r.fail("values", "needs at least one value");
                for (double x : v) if (!(x >= 0)) r.fail("values", "values must be 0 or more, got " + fmt(x));
                d = new Distribution.Empirical(v);
            }
            default -> {
                List<String> kinds = List.of("exponential", "gamma", "lognormal", "weibull", "fixed", "uniform", "empirical");
                r.fail("dist", "unknown distribution '" + kind + "'" + suggestion(kind, kinds) + " (one of " + String.join(", ", kinds) + ")");
                throw new AssertionError();
            }
        }
        r.finish();
        return d;
    }

    // ------------------------------------------------------------------ helpers

    /** Reads a per-group map: keys are group names or {@code default}; every group must be covered. */
    private static <T> ByGroup<T> byGroup(MapReader r, Function2<T> read) {
        Set<String> keys = r.keys();
        Object[] values = new Object[Group.values().length];
        T fallback = null;
        if (keys.contains("default")) fallback = read.apply(r, "default");
        for (String k : keys) {
            if (k.equals("default")) continue;
            Group g = groupOf(k);
            if (g == null) {
                List<String> valid = new ArrayList<>();
                for (Group x : Group.values()) valid.add(x.key());
                valid.add("default");
                r.fail(k, "unknown group" + suggestion(k, valid) + " (groups: " + String.join(", ", valid) + ")");
            }
            values[g.ordinal()] = read.apply(r, k);
        }
        for (Group g : Group.values()) {
            if (values[g.ordinal()] == null) {
                if (fallback == null) r.fail(null, "no value for group '" + g.key() + "' and no 'default'");
                values[g.ordinal()] = fallback;
            }
        }
        r.finish();
        return ByGroup.of(values);
    }

    @FunctionalInterface
    private interface Function2<T> {
        T apply(MapReader r, String key);
    }

    private static Group groupOf(String key) {
        for (Group g : Group.values()) if (g.key().equals(key)) return g;
        return null;
    }

    private static Map<String, Double> shares(MapReader r, Set<String> pathways, boolean requireAny) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : r.keys()) {
            if (!pathways.contains(k)) r.fail(k, "unknown pathway" + suggestion(k, pathways));
            out.put(k, probability(r, k));
        }
        if (requireAny && out.isEmpty()) r.fail(null, "needs at least one pathway");
        r.finish();
        return out;
    }

    private static <E extends Enum<E>> Set<E> enumSet(MapReader r, String key, Class<E> type, Function<E, String> keyOf) {
        if (!r.has(key)) return Set.of();
        List<String> texts = r.stringList(key, List.of());
        Set<E> out = EnumSet.noneOf(type);
        List<String> valid = new ArrayList<>();
        for (E e : type.getEnumConstants()) valid.add(keyOf.apply(e));
        for (String t : texts) {
            E match = null;
            for (E e : type.getEnumConstants()) if (keyOf.apply(e).equals(t)) match = e;
            if (match == null) r.fail(key, "unknown value '" + t + "'" + suggestion(t, valid) + " (one of " + String.join(", ", valid) + ")");
            out.add(match);
        }
        return out;
    }

    private static <E extends Enum<E>> E enumValue(MapReader r, String key, String text, Class<E> type) {
        List<String> valid = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String k = e.name().toLowerCase(Locale.ROOT);
            valid.add(k);
            if (k.equals(text)) return e;
        }
        r.fail(key, "unknown value '" + text + "'" + suggestion(String.valueOf(text), valid) + " (one of " + String.join(", ", valid) + ")");
        throw new AssertionError();
    }

    private static String suggestion(String typed, java.util.Collection<String> candidates) {
        return Suggestions.closest(typed, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    private static void requireSum(MapReader r, String key, double[] shares) {
        double sum = 0;
        for (double s : shares) sum += s;
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
            r.fail(key, "shares must add up to 1, they add up to " + fmt(sum));
        }
    }

    private static double probability(MapReader r, String key) {
        double p = r.number(key);
        if (!(p >= 0 && p <= 1)) r.fail(key, "must be a probability between 0 and 1, got " + fmt(p));
        return p;
    }

    private static double probability(MapReader r, String key, double dflt) {
        double p = r.number(key, dflt);
        if (!(p >= 0 && p <= 1)) r.fail(key, "must be a probability between 0 and 1, got " + fmt(p));
        return p;
    }

    private static double nonNegative(MapReader r, String key) {
        double v = r.number(key);
        if (!(v >= 0) || Double.isInfinite(v)) r.fail(key, "must be 0 or more, got " + fmt(v));
        return v;
    }

    private static double nonNegative(MapReader r, String key, double dflt) {
        double v = r.number(key, dflt);
        if (!(v >= 0) || Double.isInfinite(v)) r.fail(key, "must be 0 or more, got " + fmt(v));
        return v;
    }

    private static double positive(MapReader r, String key) {
        double v = r.number(key);
        if (!(v > 0) || Double.isInfinite(v)) r.fail(key, "must be more than 0, got " + fmt(v));
        return v;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.valueOf(v);
    }
}
