package org.caseload.eventlog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.caseload.experiment.EventLogs;
import org.caseload.fault.FileFaults;
import org.caseload.model.Activity;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;

/**
 * One replication's event log, streamed to a gzip-compressed CSV as the replication runs (it
 * holds one buffer, never the events). It is written under a temporary name and moved to its
 * own name when the replication finishes, so a file with the final name is always complete.
 *
 * <p>Columns: {@value #HEADER}. The first four are the names pm4py uses by default (XES
 * attribute names), so the file needs no column mapping there; bupaR maps them by name.
 * Timestamps are local date-times to the second, from the scenario's {@code start_date} (the
 * first reported day; warm-up events fall before it), floored so that order is kept.
 */
public final class EventLogFile implements EventLogs.ReplicationLog {
    public static final String HEADER =
            "case:concept:name,concept:name,time:timestamp,org:resource,replication,pathway,group,complexity";
    private static final int SECONDS_PER_DAY = 86_400;

    private final Path file;
    private final Path temp;
    private final String casePrefix;
    private final String replication;
    private final double firstReportedDay;
    private final LocalDate startDate;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(160);
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;
    private boolean finished;

    /**
     * @param replication      0-based replication index (written 1-based, as in replications.csv)
     * @param firstReportedDay simulated day that {@code startDate} stands for (the warm-up's length)
     */
    public EventLogFile(Path file, int replication, double firstReportedDay, LocalDate startDate) {
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".part");
        this.replication = String.valueOf(replication + 1);
        this.casePrefix = this.replication + "-";
        this.firstReportedDay = firstReportedDay;
        this.startDate = startDate;
        try {
            Files.createDirectories(file.getParent());
            out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16);
            out.write(HEADER);
            out.write('\n');
        } catch (IOException e) {
            throw FileFaults.of("cannot write the event log", file, e);
        }
    }

    @Override
    public void event(int caseNumber, double day, Activity activity, String pathway, Group group, Complexity complexity,
                      String resource) {
        StringBuilder b = line;
        b.setLength(0);
        b.append(casePrefix).append(caseNumber).append(',').append(activity.label()).append(',');
        appendTimestamp(b, day);
        b.append(',');
        appendField(b, resource);
        b.append(',').append(replication).append(',');
        appendField(b, pathway);
        b.append(',').append(group.key()).append(',').append(complexity.key()).append('\n');
        try {
            out.append(b);
        } catch (IOException e) {
            throw FileFaults.of("cannot write the event log", file, e);
        }
    }

    /** yyyy-mm-ddThh:mm:ss; events come in time order, so the date is worked out once per day. */
    private void appendTimestamp(StringBuilder b, double day) {
        long seconds = (long) Math.floor((day - firstReportedDay) * SECONDS_PER_DAY);
        long d = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int s = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        if (d != cachedDay) {
            cachedDay = d;
            cachedDate = startDate.plusDays(d).toString();
        }
        b.append(cachedDate).append('T');
        two(b, s / 3600);
        b.append(':');
        two(b, s / 60 % 60);
        b.append(':');
        two(b, s % 60);
    }

    private static void two(StringBuilder b, int v) {
        if (v < 10) b.append('0');
        b.append(v);
    }

    /** Empty for none; quoted as CSV needs it (pathway names are scenario keys and could hold anything). */
    private static void appendField(StringBuilder b, String v) {
        if (v == null) return;
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            b.append(v);
            return;
        }
        b.append('"').append(v.replace("\"", "\"\"")).append('"');
    }

    @Override
    public void finish() {
        try {
            out.close();
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
        } catch (IOException e) {
            throw FileFaults.of("cannot write the event log", file, e);
        }
    }

    @Override
    public void abandon() {
        if (finished) return;
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            // the file is being thrown away
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // best effort: a leftover .part file is never taken for a finished log
        }
    }
}
