package org.caseload.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseload.fault.InputException;
import org.caseload.fault.Text;
import org.caseload.scenario.Scenario.AllocationRule;

/**
 * Builds a {@link Scenario} from a resolved configuration tree, checking every value and
 * reporting the first mistake with file, line and field. Every key a scenario may contain
 * is asked for here (optional ones with their defaults), so that any other key is reported
 * as unknown with a suggestion.
 */
public final class ScenarioReader {
    /**
     * Longest scenario name. The name makes output folder names, the longest being
     * {@code A-vs-B-and-N-more} written first as {@code .A-vs-B-and-N-more.partial-pidP-R}:
     * two names of 64 keep that well inside the usual 255-byte limit on a file name.
     */
    public static final int MAX_NAME_LENGTH = 64;

    private ScenarioReader() {
    }

    /**
     * Whether the field at a dotted path takes whole numbers only: counts of months, assessors,
     * places and people. Calibration rounds these (see {@link CalibrationTargets.Parameter}).
     */
    public static boolean isWholeNumberField(String path) {
        return path.matches("horizon_months|warmup_months|assessment\\.workers|pathways\\.[^.]+\\.capacity\\.places"
                + "|initial_caseload\\.[^.]+");
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

    /**
     * Scenarios of one command write into folders named after them, so two with the same
     * {@code name} would overwrite each other's results: refused, naming both files
     * ({@code files} in the order of {@code loaded}), or the {@code --set} that named them all.
     */
    public static void requireDistinctNames(List<Loaded> loaded, List<Path> files) {
        for (int i = 0; i < loaded.size(); i++) {
            for (int j = 0; j < i; j++) {
                String name = loaded.get(i).scenario().name();
                if (name.equals(loaded.get(j).scenario().name())) {
                    if (loaded.get(i).tree().get("name").setOnCommandLine()) {
                        throw new ScenarioException(Source.COMMAND_LINE, "name", "gives every scenario the name '" + Text.oneLine(name)
                                + "', so the results of " + Text.oneLine(files.get(j).toString()) + " and " + Text.oneLine(files.get(i).toString())
                                + " would overwrite each other; --set changes every scenario given: leave name out of it");
                    }
                    if (sameFile(files.get(j), files.get(i))) {
                        throw new InputException(Text.oneLine(files.get(i).toString()) + " is given twice"
                                + (files.get(i).equals(files.get(j)) ? "" : " (as " + Text.oneLine(files.get(j).toString()) + " too)")
                                + ": give each scenario once");
                    }
                    throw new InputException(Text.oneLine(files.get(j).toString()) + " and " + Text.oneLine(files.get(i).toString())
                            + " have the same name '" + Text.oneLine(name) + "', so their results would overwrite each other; "
                            + "give each scenario its own name (edit 'name:' in one of them)");
                }
            }
        }
    }

    /** Whether two scenario paths name one file (false when either cannot be looked at: the names then speak for themselves). */
    private static boolean sameFile(Path a, Path b) {
        try {
            return java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    public static Scenario read(MapNode tree) {
        MapReader r = MapReader.root(tree);
        String name = r.string("name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            r.fail("name", "use letters, digits, '-', '_' or '.' (it names the output folder), got '" + name + "'");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            r.fail("name", "at most " + MAX_NAME_LENGTH + " characters (it names the output folder), got " + name.length());
        }
        String description = r.string("description", "");
        int horizon = r.integer("horizon_months", Ranges.HORIZON_MONTHS);
        int warmup = r.integer(ScenarioFiles.WARMUP, Ranges.WARMUP_MONTHS, 0);
        int variantWarmup = r.integer(ScenarioFiles.VARIANT_WARMUP, Ranges.WARMUP_MONTHS, warmup);
        if (variantWarmup < warmup) {
            r.fail(ScenarioFiles.VARIANT_WARMUP, variantWarmup + " months is shorter than warmup_months (" + warmup
                    + "): a variant starts further from its own rest than the scenario does; give at least " + warmup);
        }
        StartDate.read(r); // dates the event log only, read from the tree when one is written

        Scenario.Arrivals arrivals = arrivals(r.map("arrivals"), horizon);
        Scenario.ClientMix clients = clients(r.map("clients"));
        Scenario.Assessment assessment = assessment(r.map("assessment"));
        MapReader pathwaysReader = r.map("pathways");
        Set<String> pathwayNames = pathwaysReader.keys();
        if (pathwayNames.isEmpty()) r.fail("pathways", "at least one pathway is needed");
        List<Scenario.RouteRule> routing = routing(r, pathwayNames);
        Scenario.Effects effects = effects(r.optionalMap("effects"));
        Map<String, Scenario.Pathway> pathways = new LinkedHashMap<>();
        for (String p : pathwayNames) pathways.put(p, PathwayReader.read(p, pathwaysReader.map(p), pathwayNames));
        Scenario.AfterExit afterExit = afterExit(r.map("after_exit"));
        Scenario.Mortality mortality = mortality(r.map("mortality"));
        Scenario.Budget budget = budget(r.optionalMap("budget"), pathwayNames, horizon, r.setOnCommandLine("horizon_months"));
        Map<String, Integer> initial = new LinkedHashMap<>();
        Optional<MapReader> init = r.optionalMap("initial_caseload");
        if (init.isPresent()) {
            MapReader ir = init.get();
            for (String p : ir.keys()) {
                if (!pathwayNames.contains(p)) {
                    ir.fail(p, "unknown pathway" + Readers.suggestion(p, pathwayNames));
                }
                initial.put(p, ir.integer(p, Ranges.INITIAL_CASELOAD));
            }
            ir.finish();
        }
        List<Scenario.Target> targets = targets(r, pathwayNames);
        r.optionalMap(UncertaintyReader.KEY); // read by UncertaintyReader
        r.finish();
        TransferCycles.check(pathwaysReader, pathways);
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
            if (!known.contains(metric)) t.fail("metric", "unknown metric '" + metric + "'" + Readers.suggestion(metric, known));
            double value = t.number("value", Ranges.TARGET_VALUE);
            double tol = t.number("tolerance_pct", Ranges.TOLERANCE_PCT);
            String source = t.string("source", "");
            t.finish();
            out.add(new Scenario.Target(metric, value, tol, source));
        }
        return out;
    }

    private static Scenario.Arrivals arrivals(MapReader r, int horizon) {
        double rate = r.number("rate_per_month", Ranges.RATE_PER_MONTH);
        double[] seasonality = r.numberList("seasonality_multipliers", Ranges.MULTIPLIER,
                new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        if (seasonality.length != 12) {
            r.fail("seasonality_multipliers", "needs 12 values (January to December), got " + seasonality.length);
        }
        double trend = r.number("trend_pct_per_year", Ranges.TREND_PCT_PER_YEAR, 0.0);
        List<Scenario.Arrivals.Step> steps = new ArrayList<>();
        for (ConfigNode n : r.optionalList("steps").orElse(List.of())) {
            MapReader s = MapReader.of(n);
            double from = s.number("from_month", Ranges.FROM_MONTH);
            double mult = s.number("multiplier", Ranges.MULTIPLIER);
            s.finish();
            steps.add(new Scenario.Arrivals.Step(from, mult));
        }
        r.finish();
        return new Scenario.Arrivals(rate, seasonality, trend, steps);
    }

    private static Scenario.ClientMix clients(MapReader r) {
        MapReader gs = r.map("group_shares");
        double[] groups = new double[Group.values().length];
        for (Group g : Group.values()) groups[g.ordinal()] = gs.number(g.key(), Ranges.PROBABILITY, 0.0);
        gs.finish();
        Readers.requireSum(r, "group_shares", groups);
        ByGroup<double[]> complexity = Readers.byGroup(r.map("complexity_shares"), (m, key) -> {
            MapReader c = m.map(key);
            double[] v = new double[Complexity.values().length];
            for (Complexity x : Complexity.values()) v[x.ordinal()] = c.number(x.key(), Ranges.PROBABILITY, 0.0);
            c.finish();
            Readers.requireSum(m, key, v);
            return v;
        });
        ByGroup<Double> ready = Readers.byGroup(r.map("ready_to_change"), Readers::probability);
        ByGroup<double[]> previous = Readers.byGroup(r.map("previous_episodes_shares"), (m, key) -> {
            double[] v = m.numberList(key, Ranges.PROBABILITY);
            if (v.length == 0) m.fail(key, "needs at least one share (for 0 previous episodes)");
            Readers.requireSum(m, key, v);
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
        int workers = r.integer("workers", Ranges.WORKERS);
        Distribution service = DistributionReader.read(r, "service_days");
        Distribution patience = r.optionalMap("patience_days").isPresent() ? DistributionReader.read(r, "patience_days") : null;
        double cost = r.number("cost_per_worker_gbp", Ranges.UNIT_COST_GBP, 0.0);
        r.finish();
        return new Scenario.Assessment(workers, service, patience, cost);
    }

    private static List<Scenario.RouteRule> routing(MapReader root, Set<String> pathways) {
        List<ConfigNode> rules = root.list("routing");
        if (rules.isEmpty()) root.fail("routing", "at least one rule is needed");
        List<Scenario.RouteRule> out = new ArrayList<>();
        boolean matchSet = false; // whether --set changed whom a rule matches
        for (ConfigNode n : rules) {
            MapReader r = MapReader.of(n);
            matchSet |= r.setOnCommandLine("group") || r.setOnCommandLine("complexity") || r.setOnCommandLine("readiness");
            Set<Group> groups = Readers.enumSet(r, "group", Group.class, Group::key);
            Set<Complexity> complexities = Readers.enumSet(r, "complexity", Complexity.class, Complexity::key);
            Set<Readiness> readiness = Readers.enumSet(r, "readiness", Readiness.class, Readiness::key);
            Map<String, Double> split = new LinkedHashMap<>();
            String single = r.string("pathway", null);
            Optional<MapReader> splitMap = r.optionalMap("split");
            if (single != null && splitMap.isPresent()) r.fail("split", "give either 'pathway' or 'split', not both");
            if (single != null) {
                if (!pathways.contains(single)) r.fail("pathway", "unknown pathway '" + single + "'" + Readers.suggestion(single, pathways));
                split.put(single, 1.0);
            } else if (splitMap.isPresent()) {
                split = Readers.shares(splitMap.get(), pathways, true);
                Readers.requireSum(r, "split", split.values().stream().mapToDouble(Double::doubleValue).toArray());
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
                                + rd.key() + " to change; add a catch-all rule (one with only 'pathway')", matchSet);
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
                for (Complexity c : Complexity.values()) odds[c.ordinal()] = o.get().number(c.key(), Ranges.MULTIPLIER, 1.0);
                o.get().finish();
            }
            perEpisode = r.number("completion_odds_per_previous_episode", Ranges.MULTIPLIER, 1.0);
            Optional<MapReader> p = r.optionalMap("caseload_pressure");
            if (p.isPresent()) {
                pc = p.get().number("completion", Ranges.PRESSURE, 0.0);
                pd = p.get().number("dropout", Ranges.PRESSURE, 0.0);
                p.get().finish();
            }
            r.finish();
        }
        return new Scenario.Effects(odds, perEpisode, pc, pd);
    }

    private static Scenario.AfterExit afterExit(MapReader r) {
        MapReader c = r.map("relapse_after_completion");
        ByGroup<Double> pc = Readers.byGroup(c.map("probability"), Readers::probability);
        Distribution dc = DistributionReader.read(c, "days");
        c.finish();
        MapReader d = r.map("relapse_after_dropout");
        ByGroup<Double> pd = Readers.byGroup(d.map("probability"), Readers::probability);
        Distribution dd = DistributionReader.read(d, "days");
        d.finish();
        double rc = r.number("recovery_community_relapse_multiplier", Ranges.MULTIPLIER, 1.0);
        MapReader rep = r.map("represent");
        ByGroup<Double> pr = Readers.byGroup(rep.map("probability"), Readers::probability);
        Distribution delay = DistributionReader.read(rep, "delay_days");
        rep.finish();
        double followup = r.number("followup_days", Ranges.DAYS, 365.0);
        // Without its own section, a person who dropped away while waiting comes back like a
        // re-presentation (the model's behaviour before the section existed).
        ByGroup<Double> pRereferral = pr;
        Distribution rereferralDelay = delay;
        Optional<MapReader> again = r.optionalMap("rereferral_after_dropping_away");
        if (again.isPresent()) {
            pRereferral = Readers.byGroup(again.get().map("probability"), Readers::probability);
            rereferralDelay = DistributionReader.read(again.get(), "delay_days");
            again.get().finish();
        }
        r.finish();
        return new Scenario.AfterExit(pc, dc, pd, dd, rc, pr, delay, followup, pRereferral, rereferralDelay);
    }

    private static Scenario.Mortality mortality(MapReader r) {
        ByGroup<Double> in = Readers.byGroup(r.map("in_treatment_per_1000_py"), (m, k) -> m.number(k, Ranges.MORTALITY_PER_1000_PY));
        ByGroup<Double> out = Readers.byGroup(r.map("out_of_treatment_per_1000_py"), (m, k) -> m.number(k, Ranges.MORTALITY_PER_1000_PY));
        double m12 = r.number("post_exit_multiplier_weeks_1_2", Ranges.MULTIPLIER, 1.0);
        double m34 = r.number("post_exit_multiplier_weeks_3_4", Ranges.MULTIPLIER, 1.0);
        r.finish();
        return new Scenario.Mortality(in, out, m12, m34);
    }

    /** @param horizonSet whether horizon_months was given with --set (a change it cuts off is then reported there) */
    private static Scenario.Budget budget(Optional<MapReader> maybe, Set<String> pathways, int horizon, boolean horizonSet) {
        if (maybe.isEmpty()) return new Scenario.Budget(Double.NaN, 0, List.of(), AllocationRule.SHARED, Set.of());
        MapReader r = maybe.get();
        double annual = r.number("annual_gbp", Ranges.ANNUAL_BUDGET_GBP, Double.NaN);
        double overheads = r.number("overheads_per_year_gbp", Ranges.OVERHEADS_GBP, 0.0);
        List<Scenario.Budget.Change> changes = new ArrayList<>();
        for (ConfigNode n : r.optionalList("changes").orElse(List.of())) {
            MapReader c = MapReader.of(n);
            double from = c.number("from_month", Ranges.FROM_MONTH);
            if (from >= horizon) c.fail("from_month", "is at or after the end of the run (horizon_months " + horizon + ")", horizonSet);
            double pct = c.number("change_pct", Ranges.CHANGE_PCT);
            c.finish();
            changes.add(new Scenario.Budget.Change(from, pct));
        }
        AllocationRule rule = AllocationRule.SHARED;
        Set<String> protect = Set.of();
        double retender = Scenario.Budget.DEFAULT_RETENDER_AFTER_MONTHS;
        Scenario.LineWeights shortTerm = Scenario.Budget.DEFAULT_SHORT_TERM;
        Scenario.LineWeights afterRetender = Scenario.Budget.DEFAULT_AFTER_RETENDER;
        Optional<MapReader> alloc = r.optionalMap("allocation");
        if (alloc.isPresent()) {
            MapReader a = alloc.get();
            rule = Readers.enumValue(a, "rule", a.string("rule", "shared"), AllocationRule.class);
            List<String> names = a.stringList("protect", List.of());
            for (String p : names) {
                if (!pathways.contains(p) && !p.equals(Scenario.Budget.ASSESSMENT)) {
                    a.fail("protect", "unknown pathway '" + p + "'" + Readers.suggestion(p, pathways));
                }
            }
            if (rule != AllocationRule.PROTECT && !names.isEmpty()) {
                a.fail("protect", "only used with rule 'protect'", a.setOnCommandLine("rule"));
            }
            protect = Set.copyOf(names);
            // The shared rule's parameters are accepted under every rule (and used only by shared), so
            // that one file can be switched between rules with --set budget.allocation.rule=...
            retender = a.number("retender_after_months", Ranges.RETENDER_MONTHS, retender);
            shortTerm = lineWeights(a, "short_term", shortTerm);
            afterRetender = lineWeights(a, "after_retender", afterRetender);
            a.finish();
        }
        r.finish();
        return new Scenario.Budget(annual, overheads, changes, rule, protect, retender, shortTerm, afterRetender);
    }

    /** A phase's cost-line weights; each line not given keeps its default. */
    private static Scenario.LineWeights lineWeights(MapReader a, String key, Scenario.LineWeights defaults) {
        Optional<MapReader> maybe = a.optionalMap(key);
        if (maybe.isEmpty()) return defaults;
        MapReader w = maybe.get();
        Scenario.LineWeights out = new Scenario.LineWeights(
                w.number("staff", Ranges.LINE_WEIGHT, defaults.staff()),
                w.number("places", Ranges.LINE_WEIGHT, defaults.places()),
                w.number("assessment", Ranges.LINE_WEIGHT, defaults.assessment()),
                w.number("medication_unit_cost", Ranges.LINE_WEIGHT, defaults.medicationUnitCost()),
                w.number("overheads", Ranges.LINE_WEIGHT, defaults.overheads()));
        w.finish();
        return out;
    }

    static String fmt(double v) {
        return Range.format(v);
    }
}
