package org.caseload.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses pathways that send people round a cycle (by transfer or on completion) where every
 * stay on the way can last exactly 0 days: such a person would move for ever without
 * simulated time passing, and the run would hang. Caught here, at load, so the message can
 * name the pathways; the engine's stalled-time guard catches the cycles this cannot see
 * (e.g. through relapse and re-presentation with zero delays).
 */
final class TransferCycles {
    private TransferCycles() {
    }

    /** A possible zero-day move from one pathway to another, and the field that allows it. */
    private record Move(String to, String field) {
    }

    static void check(MapReader pathwaysReader, Map<String, Scenario.Pathway> pathways) {
        Map<String, List<Move>> moves = new LinkedHashMap<>();
        for (Scenario.Pathway p : pathways.values()) moves.put(p.name(), zeroDayMoves(p));
        for (String start : pathways.keySet()) {
            List<String> cycle = findCycle(start, moves, new ArrayList<>(), new LinkedHashSet<>());
            if (cycle == null) continue;
            String first = cycle.get(0);
            String field = moves.get(first).stream().filter(m -> m.to().equals(cycle.get(1))).findFirst().orElseThrow().field();
            String names = cycle.size() == 3 ? "pathways " + cycle.get(0) + " and " + cycle.get(1) + " send people to each other"
                    : "pathways " + String.join(", ", new LinkedHashSet<>(cycle)) + " send people round a cycle";
            throw pathwaysReader.map(first).fail(field, names + " (" + String.join(" -> ", cycle) + ") with stays that can last "
                    + "0 days (fixed 0, uniform 0 to 0 or an empirical 0), so someone could move round it for ever without "
                    + "simulated time passing; give those stays a duration above 0, or break the cycle", causedBySet(pathwaysReader, cycle));
        }
    }

    /**
     * Whether a {@code --set} changed what makes the cycle possible in any pathway on it: where
     * it sends people ({@code transfer_to}, {@code on_completion}) or a transfer's or
     * completion's probability or stay. The line of the file blamed otherwise may have held a
     * cycle that time could not go round. A dropout, or a field outside these, cannot make one.
     */
    private static boolean causedBySet(MapReader pathwaysReader, List<String> cycle) {
        for (String name : new LinkedHashSet<>(cycle)) {
            MapReader p = pathwaysReader.map(name);
            if (p.setOnCommandLine("transfer_to") || p.setOnCommandLine("on_completion")) return true;
            MapReader episodes = p.map("episodes");
            for (String group : episodes.keys()) {
                MapReader e = episodes.map(group);
                if (e.setOnCommandLine("transfer") || e.setOnCommandLine("complete")) return true;
            }
        }
        return false;
    }

    private static List<Move> zeroDayMoves(Scenario.Pathway p) {
        boolean transferAtZero = false;
        boolean completeAtZero = false;
        for (Group g : Group.values()) {
            Scenario.Episode e = p.episodes().get(g);
            transferAtZero |= e.pTransfer() > 0 && e.transferDays().canBeZero();
            completeAtZero |= e.pComplete() > 0 && e.completeDays().canBeZero();
        }
        List<Move> out = new ArrayList<>();
        if (transferAtZero) p.transferTo().forEach((to, share) -> {
            if (share > 0) out.add(new Move(to, "transfer_to"));
        });
        if (completeAtZero) p.onCompletion().forEach((to, share) -> {
            if (share > 0) out.add(new Move(to, "on_completion"));
        });
        return out;
    }

    /** Depth-first search for a path from {@code at} back to the first pathway of {@code path}. */
    private static List<String> findCycle(String at, Map<String, List<Move>> moves, List<String> path, Set<String> visited) {
        path.add(at);
        visited.add(at);
        for (Move m : moves.getOrDefault(at, List.of())) {
            if (m.to().equals(path.get(0))) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(m.to());
                return cycle;
            }
            if (!visited.contains(m.to())) {
                List<String> found = findCycle(m.to(), moves, path, visited);
                if (found != null) return found;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }
}
