package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The completion script and the man pages are generated at package time from the class that
 * pom.xml names: it must be the whole command line, every subcommand that {@link Main} runs
 * (Main adds its own in code, so generating from Main gave a script and a page with none).
 */
class CommandModelTest {
    @Test
    void theBuildGeneratesCompletionAndManPagesFromEverySubcommand() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        List<String> models = new ArrayList<>();
        for (String id : List.of("shell-completion", "man-page-source")) {
            Matcher m = Pattern.compile("<id>" + id + "</id>.*?<argument>(org\\.caseload\\.[^<]+)</argument>\\s*</arguments>",
                    Pattern.DOTALL).matcher(pom);
            assertTrue(m.find(), "pom.xml has no execution '" + id + "' naming a caseload class");
            models.add(m.group(1));
        }
        for (String model : models) {
            CommandLine generated = new CommandLine(Class.forName(model));
            assertEquals(Main.commandLine().getSubcommands().keySet(), generated.getSubcommands().keySet(), model);
            assertEquals(List.of(Main.commandLine().getCommandSpec().usageMessage().description()),
                    List.of(generated.getCommandSpec().usageMessage().description()), model);
        }
        String script = AutoComplete.bash("caseload", new CommandLine(Class.forName(models.get(0))));
        assertTrue(script.contains("local commands=\"" + String.join(" ", Main.commandLine().getSubcommands().keySet()) + "\""),
                "the completion script does not offer the subcommands");
    }
}
