package org.caseload.eventlog;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.caseload.experiment.EventLogs;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.StartDate;

/**
 * The per-person event logs of a batch's first replications ({@code --event-log N}): one
 * gzip-compressed CSV per scenario and replication, {@value #FOLDER}/NAME-replication-R.csv.gz,
 * each written by the worker running that replication (see {@link EventLogFile}).
 */
public final class EventLog implements EventLogs {
    /** The folder of event logs inside a results folder. */
    public static final String FOLDER = "events";

    private final Path folder;
    private final int replications;
    private final Map<String, LocalDate> startDates;

    /**
     * @param folder       where the files go
     * @param replications how many replications to log (the first ones, 0 … replications-1)
     * @param startDates   each scenario's {@code start_date} by name (missing: {@link StartDate#DEFAULT})
     */
    public EventLog(Path folder, int replications, Map<String, LocalDate> startDates) {
        this.folder = folder;
        this.replications = replications;
        this.startDates = Map.copyOf(startDates);
    }

    /** The file name of replication {@code replication} (0-based) of a scenario. */
    public static String fileName(String scenario, int replication) {
        return scenario + "-replication-" + (replication + 1) + ".csv.gz";
    }

    @Override
    public ReplicationLog open(Scenario scenario, int replication) {
        if (replication >= replications) return null;
        return new EventLogFile(folder.resolve(fileName(scenario.name(), replication)), replication, scenario.warmupDays(),
                startDates.getOrDefault(scenario.name(), StartDate.DEFAULT));
    }
}
