package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.caseload.report.SummaryCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What run prints, in compare's order: the card, the paragraph saying what its intervals mean, then where the files went. */
class RunOutputTest {
    @Test
    void theCardsParagraphFollowsTheCardThenWhereTheFilesWent(@TempDir Path dir) {
        SafetySupport.Outcome o = SafetySupport.execute("run", "scenarios/leeds.yaml", "--replications", "2", "--threads", "1",
                "--set", "horizon_months=12", "--set", "warmup_months=12", "--out", dir.resolve("r").toString());
        assertEquals(0, o.exit(), o.err());
        List<String> lines = o.out().lines().toList();
        int meaning = lines.indexOf(SummaryCard.MEANING);
        assertTrue(meaning > 1 && lines.get(0).startsWith("leeds, 2 replications:"), o.out());
        assertTrue(lines.subList(1, meaning - 1).stream().allMatch(l -> l.startsWith("  ")), "card lines, then a blank: " + o.out());
        assertEquals("", lines.get(meaning - 1));
        assertTrue(lines.get(lines.size() - 1).startsWith("leeds: 2 replications in "), o.out());
    }
}
