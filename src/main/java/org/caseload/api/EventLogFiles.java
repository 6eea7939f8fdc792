package org.caseload.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.caseload.eventlog.EventLog;
import org.caseload.fault.EnvironmentException;
import org.caseload.fault.FileFaults;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.StartDate;

/**
 * A study's event logs on their way to the results: written while the batch runs into the
 * working folder's {@value EventLog#FOLDER}/ (so a resumed batch keeps those of the
 * replications it already finished), then copied into each output folder with its other files.
 */
final class EventLogFiles {
    private EventLogFiles() {
    }

    /** The logs of a batch's first {@code replications} replications, written into {@code folder}. */
    static EventLog writer(Path folder, int replications, List<ScenarioReader.Loaded> loaded) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (ScenarioReader.Loaded l : loaded) dates.put(l.scenario().name(), StartDate.of(l.tree()));
        return new EventLog(folder, replications, dates);
    }

    /** The log files of the given scenarios, in scenario then replication order. */
    static List<Path> files(Path folder, List<String> scenarios, int replications) {
        List<Path> out = new ArrayList<>();
        if (folder == null) return out;
        for (String s : scenarios) {
            for (int r = 0; r < replications; r++) out.add(folder.resolve(EventLog.fileName(s, r)));
        }
        return out;
    }

    /** Copies the scenarios' logs into {@code resultsFolder}/events/; every one must be there. */
    static void copy(Path folder, List<String> scenarios, int replications, Path resultsFolder) throws IOException {
        List<Path> files = files(folder, scenarios, replications);
        if (files.isEmpty()) return;
        Path into = Files.createDirectories(resultsFolder.resolve(EventLog.FOLDER));
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new EnvironmentException("the event log " + f + " is missing from the working folder (removed while the "
                        + "batch ran?); run the batch again", null);
            }
            Files.copy(f, into.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a working folder's event logs (finished or half-written). */
    static void forget(Path workFolder) {
        Path folder = workFolder.resolve(EventLog.FOLDER);
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw FileFaults.of("cannot remove the working folder", workFolder, e);
        }
    }
}
