package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Histories at rest against cases worked by hand: a journey that always ends by completing
 * and comes back with probability ρ gives J(k) = ρ^k journeys with k previous episodes per new
 * referral (a geometric distribution); and the expected visits of an absorbing chain.
 */
class HistoriesTest {
    private static final Path QUEUE = Path.of("src/test/resources/validation/queue.yaml");

    @Test
    void aConstantChanceOfComingBackGivesGeometricHistories() {
        // Everyone completes; half relapse, 60% of those re-present; no one dies: ρ = 0.3.
        ModelParts parts = ModelParts.of(QUEUE, "after_exit.relapse_after_completion.probability.default=0.5",
                "after_exit.represent.probability.default=0.6");
        Histories h = parts.histories();
        PathwayState open = parts.pathway("open");
        int kind = onlyKind(h);
        for (int k = 0; k < 8; k++) {
            assertEquals(Math.pow(0.3, k), h.starts(kind, k, open) / h.kindShare(kind), 1e-12, "journeys with " + k);
        }
        // Cut where 0.3^k falls below 1e-9 of the total 1/(1 − 0.3): after k = 17.
        assertEquals(18, h.historyLength(kind), "histories kept");
    }

    @Test
    void deathBeforeTheReturnIsAllowedFor() {
        // Everyone relapses and re-presents after exactly 365.25 days, dying out of treatment at
        // 100 per 1,000 a year meanwhile: ρ = exp(−0.1); in treatment no one dies.
        ModelParts parts = ModelParts.of(QUEUE, "after_exit.relapse_after_completion.probability.default=1",
                "after_exit.relapse_after_completion.days.value=365.25", "after_exit.represent.probability.default=1",
                "mortality.out_of_treatment_per_1000_py.default=100");
        Histories h = parts.histories();
        PathwayState open = parts.pathway("open");
        int kind = onlyKind(h);
        double rho = Math.exp(-0.1);
        for (int k = 0; k < 5; k++) assertEquals(Math.pow(rho, k), h.starts(kind, k, open) / h.kindShare(kind), 1e-9);
    }

    @Test
    void visitsOfAnAbsorbingChain() {
        // A → B with 0.5, B → A with 0.2, entering at A: v_A = 1 + 0.2 v_B, v_B = 0.5 v_A.
        double[] v = Histories.visits(new double[] {1, 0}, new double[][] {{0, 0.5}, {0.2, 0}});
        assertArrayEquals(new double[] {1 / 0.9, 0.5 / 0.9}, v, 1e-12);
        // A place people never leave but by moving on again and again: the series is cut, not infinite.
        double[] closed = Histories.visits(new double[] {1}, new double[][] {{1}});
        assertEquals(10_001, closed[0], 1e-9);
    }

    @Test
    void episodesComeFromWhereTheChainSendsThem() {
        // Everyone routed to a transfers to b after it (moves.yaml): all of b's episodes come from a by transfer.
        ModelParts parts = ModelParts.of(Path.of("src/test/resources/validation/moves.yaml"));
        Histories h = parts.histories();
        int kind = onlyKind(h);
        PathwayState a = parts.pathway("a");
        PathwayState b = parts.pathway("b");
        for (double u : new double[] {1e-9, 0.3, 0.999999}) {
            assertEquals(-1, h.cameFrom(kind, 0, a, u), "a's stays begin there");
            assertEquals(2 * a.index + 1, h.cameFrom(kind, 0, b, u), "b's come from a, by transfer");
        }
    }

    @Test
    void entriesAndMovesShareAPathwaysEpisodes(@TempDir Path dir) throws IOException {
        // Half routed to a, half to b; all of a's episodes transfer to b: v_a = 0.5, v_b = 0.5 + 0.5,
        // so half of b's episodes come from a and half begin there.
        Path moves = Path.of("src/test/resources/validation/moves.yaml");
        Path split = Files.writeString(dir.resolve("split.yaml"),
                Files.readString(moves).replace("  - pathway: a\n", "  - split: {a: 0.5, b: 0.5}\n"));
        ModelParts parts = ModelParts.of(split);
        Histories h = parts.histories();
        int kind = onlyKind(h);
        PathwayState a = parts.pathway("a");
        PathwayState b = parts.pathway("b");
        assertEquals(0.5, h.starts(kind, 0, a) / h.kindShare(kind), 1e-12);
        assertEquals(1.0, h.starts(kind, 0, b) / h.kindShare(kind), 1e-12, "everyone reaches b");
        int fromA = 0;
        int points = 100_000;
        for (int i = 0; i < points; i++) if (h.cameFrom(kind, 0, b, (i + 0.5) / points) == 2 * a.index + 1) fromA++;
        assertEquals(0.5, fromA / (double) points, 1e-4, "of b's episodes, those from a");
    }

    /** The one kind of client queue.yaml refers (alcohol, medium, likely to change). */
    private static int onlyKind(Histories h) {
        int found = -1;
        for (int k = 0; k < Client.KINDS; k++) {
            if (h.kindShare(k) > 0) {
                assertEquals(-1, found, "more than one kind");
                found = k;
            }
        }
        return found;
    }
}
