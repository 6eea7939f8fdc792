package org.caseload.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.caseload.BuildId;
import org.caseload.experiment.Experiment;
import org.caseload.fault.EnvironmentException;
import org.caseload.fault.ExitCode;
import org.caseload.fault.InputException;
import org.caseload.fault.Text;
import org.caseload.results.ReplicationResult;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** A batch sent to another JVM (serialised, scenarios rebuilt from JSON) computes exactly what runs here. */
class PortableBatchTest {
    @Test
    void travelsAndComputesTheSameReplicationsBitForBit() throws Exception {
        List<String> overrides = List.of("horizon_months=12", "warmup_months=6");
        ScenarioReader.Loaded base = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), overrides);
        ScenarioReader.Loaded cut = ScenarioReader.load(Path.of("scenarios/leeds-cut-10.yaml"), List.of("horizon_months=24",
                "warmup_months=6"));
        PortableBatch received = travel(new PortableBatch(List.of(base.tree(), cut.tree()), 5, false));
        List<String> lines = received.runEncoded(new int[]{1, 2});
        assertEquals(4, lines.size());
        List<List<ReplicationResult>> remote = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>());
        for (int i = 0; i < lines.size(); i++) {
            Journal.Entry e = PortableBatch.decode(lines.get(i));
            assertEquals(i % 2, e.scenario(), "replication by replication, every scenario in turn");
            assertEquals(1 + i / 2, e.result().replication());
            remote.get(e.scenario()).add(e.result());
        }

        try (Experiment local = new Experiment(5, 2)) {
            for (int s = 0; s < 2; s++) {
                ScenarioReader.Loaded l = s == 0 ? base : cut;
                List<ReplicationResult> here = local.run(l.scenario(), local.streamsFor(s, false), 1, 3, r -> { });
                for (int r = 0; r < 2; r++) {
                    assertEquals(here.get(r).replication(), remote.get(s).get(r).replication());
                    for (var e : here.get(r).metrics().entrySet()) {
                        assertEquals(Double.doubleToLongBits(e.getValue()),
                                Double.doubleToLongBits(remote.get(s).get(r).metric(e.getKey())), e.getKey());
                    }
                    assertEquals(here.get(r).monthly().keySet(), remote.get(s).get(r).monthly().keySet());
                    for (var e : here.get(r).monthly().entrySet()) {
                        org.junit.jupiter.api.Assertions.assertArrayEquals(e.getValue(), remote.get(s).get(r).monthly().get(e.getKey()),
                                e.getKey());
                    }
                }
            }
        }
    }

    @Test
    void theEventLimitTravelsWithTheBatch() throws Exception {
        ScenarioReader.Loaded base = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of("horizon_months=12",
                "warmup_months=6"));
        PortableBatch limited = travel(new PortableBatch(List.of(base.tree()), 5, false, 1000));
        Exception e = assertThrows(Exception.class, () -> limited.runEncoded(new int[]{0}));
        assertTrue(e.getMessage().contains("more than the limit of 1,000"), e.getMessage());
    }

    /**
     * A worker ran whatever batch it was sent, whichever caseload sent it, while a resume or a
     * merge refuses another build's record: a worker of another build would simulate another
     * model. It now refuses the batch with one line, in the words they use, before simulating.
     */
    @Test
    void aBatchSentByAnotherBuildIsRefused() throws Exception {
        ScenarioReader.Loaded base = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of("horizon_months=12",
                "warmup_months=6"));
        String other = "0123456789ab" + "c".repeat(52);
        PortableBatch fromAnother = travel(new PortableBatch(List.of(base.tree()), 5, false), BuildId.current(), other);
        String here = "; this is build " + BuildId.shortForm(BuildId.current()) + "), whose results may differ: "
                + "run the workers with the caseload jar that sent it";
        InputException e = assertThrows(InputException.class, () -> fromAnother.runEncoded(new int[]{0}));
        assertEquals("this worker was sent a batch by a different build of caseload (build 0123456789ab" + here, e.getMessage());

        PortableBatch noBuild = travel(new PortableBatch(List.of(base.tree()), 5, false));
        java.lang.reflect.Field build = PortableBatch.class.getDeclaredField("build");
        build.setAccessible(true);
        build.set(noBuild, null);
        InputException none = assertThrows(InputException.class, () -> noBuild.runEncoded(new int[]{0}));
        assertEquals("this worker was sent a batch by a different build of caseload (one that did not record its build" + here,
                none.getMessage());
    }

    /** A receiver's refusal sent back as a line is thrown by the sender as the same refusal: its kind (exit code) and message. */
    @Test
    void aRefusalLineDecodesToTheRefusal() {
        String input = PortableBatch.refusalLine(new InputException("too much work:\nsplit it"));
        assertEquals(1, input.strip().lines().count(), input);
        InputException i = assertThrows(InputException.class, () -> PortableBatch.decode(input));
        assertEquals(Text.oneLine("too much work:\nsplit it"), i.getMessage());
        String disk = PortableBatch.refusalLine(new EnvironmentException("/tmp/x: disk full", null)) + "\n";
        EnvironmentException d = assertThrows(EnvironmentException.class, () -> PortableBatch.decode(disk));
        assertEquals("/tmp/x: disk full", d.getMessage());
        assertEquals(ExitCode.ENVIRONMENT, d.exitCode());
    }

    private static PortableBatch travel(PortableBatch sent) throws Exception {
        return travel(sent, "", "");
    }

    /** Serialised and read back, with the text {@code from} replaced by {@code to} (of the same length) on the way. */
    private static PortableBatch travel(PortableBatch sent, String from, String to) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sent);
        }
        byte[] b = bytes.toByteArray();
        if (!from.isEmpty()) {
            String latin = new String(b, StandardCharsets.ISO_8859_1);
            assertTrue(latin.contains(from) && from.length() == to.length());
            b = latin.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return (PortableBatch) in.readObject();
        }
    }
}
