package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress is drawn only when standard error is a terminal, and never with --quiet or under CI. */
class ProgressTest {
    private static String draw(String terminal, boolean quiet, boolean ci) {
        String before = System.getProperty(Progress.TERMINAL_PROPERTY);
        System.setProperty(Progress.TERMINAL_PROPERTY, terminal);
        try {
            StringWriter text = new StringWriter();
            Progress p = new Progress(new PrintWriter(text), "leeds", 2, quiet, ci);
            p.step();
            p.step();
            p.done();
            return text.toString();
        } finally {
            if (before == null) System.clearProperty(Progress.TERMINAL_PROPERTY);
            else System.setProperty(Progress.TERMINAL_PROPERTY, before);
        }
    }

    /** Each case whatever the environment the tests run in (CI or not). */
    @Test
    void drawnOnATerminalUnlessQuietOrCi() {
        String shown = draw("true", false, false);
        assertTrue(shown.contains("leeds: 2/2 replications"), shown);
        assertEquals("", draw("true", false, true), "under CI");
        assertEquals("", draw("true", true, false), "quiet");
        assertEquals("", draw("false", false, false), "not a terminal");
    }

    @Test
    void quietIsAnOptionOfRunAndCompare() {
        for (String command : new String[] {"run", "compare"}) {
            assertTrue(Main.commandLine().getSubcommands().get(command).getCommandSpec().findOption("--quiet") != null, command);
            assertTrue(Main.commandLine().getSubcommands().get(command).getCommandSpec().findOption("-q") != null, command);
        }
    }

    @Test
    void surefireOutputIsNotATerminal() {
        // Under Maven, standard error is a pipe: without the launcher's word, no progress.
        String before = System.getProperty(Progress.TERMINAL_PROPERTY);
        System.clearProperty(Progress.TERMINAL_PROPERTY);
        try {
            assertEquals(false, Progress.stderrIsTerminal());
        } finally {
            if (before != null) System.setProperty(Progress.TERMINAL_PROPERTY, before);
        }
    }
}
