package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command that succeeded but could not write what it printed (full disk, closed pipe) exits 3, not 0. */
class LostOutputTest {
    @Test
    void aFailedWriteToStandardOutputIsAnEnvironmentFault() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }));
        int code = cl.execute("schema");
        assertEquals(0, code, "the command itself succeeded");
        assertEquals(3, Main.outputLost(cl, code));
        assertTrue(err.toString().startsWith("caseload: error: cannot write to standard output"), err.toString());
        assertEquals(1, err.toString().lines().count(), "one line");

        CommandLine fine = Main.commandLine();
        fine.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, Main.outputLost(fine, fine.execute("schema")));
        assertEquals(2, Main.outputLost(cl, 2), "a failure keeps its own code");
    }
}
