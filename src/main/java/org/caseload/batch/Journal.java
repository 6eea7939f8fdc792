package org.caseload.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.caseload.results.ReplicationResult;
import org.caseload.fault.FileFaults;

/**
 * An append-only record of finished replications, one line each, so that a batch killed part
 * way (kill -9, power cut) loses nothing it had finished.
 *
 * <p>A line is {@code CRC<TAB>scenario<TAB>replication<TAB>fields...}, where CRC is the
 * CRC32 (8 hex digits) of everything after the first tab; each line is forced to disk before
 * the replication counts as done. On opening, a torn last line (no newline: the process died
 * while writing it) is cut off, and any line whose checksum does not match is ignored, so its
 * replication is simply run again. Values are written with {@link Double#toString}, which reads
 * back to the identical double, so results rebuilt from the journal give byte-identical files.
 */
public final class Journal implements AutoCloseable {
    /** A journal entry: the scenario's index in the batch and its result. */
    public record Entry(int scenario, ReplicationResult result) {
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<Long, ReplicationResult> entries;
    private final int damaged;

    private Journal(Path file, FileChannel channel, Map<Long, ReplicationResult> entries, int damaged) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
        this.damaged = damaged;
    }

    /** Opens (creating if needed) the journal for appending, after reading what it holds. */
    public static Journal open(Path file) {
        try {
            if (Files.exists(file)) cutTornTail(file);
            Read read = read(file);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            Map<Long, ReplicationResult> map = new LinkedHashMap<>();
            for (Entry e : read.entries) map.putIfAbsent(key(e.scenario, e.result.replication()), e.result);
            return new Journal(file, ch, map, read.damaged);
        } catch (IOException e) {
            throw FileFaults.of("cannot open the journal", file, e);
        }
    }

    /** The valid entries of a journal file, in file order, and how many lines were damaged. */
    public record Read(List<Entry> entries, int damaged) {
    }

    /** Reads a journal without opening it for writing (e.g. a finished shard's). */
    public static Read read(Path file) throws IOException {
        List<Entry> out = new java.util.ArrayList<>();
        int bad = 0;
        if (!Files.exists(file)) return new Read(out, 0);
        try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                Entry e = decode(line);
                if (e == null) bad++;
                else out.add(e);
            }
        }
        return new Read(out, bad);
    }

    private static void cutTornTail(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') break;
                keep--;
            }
            if (keep < size) {
                ch.truncate(keep);
                ch.force(true);
            }
        }
    }

    /** The recorded result of replication {@code rep} of scenario {@code scenario}, or null. */
    public ReplicationResult get(int scenario, int rep) {
        return entries.get(key(scenario, rep));
    }

    /** Number of distinct replications recorded. */
    public int size() {
        return entries.size();
    }

    /** Lines that were ignored because their checksum did not match (their replications rerun). */
    public int damaged() {
        return damaged;
    }

    public Path file() {
        return file;
    }

    /** Appends one result and forces it to disk; safe from several threads. */
    public synchronized void append(int scenario, ReplicationResult r) {
        byte[] line = encode(scenario, r).getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) channel.write(b);
            channel.force(false);
        } catch (IOException e) {
            throw FileFaults.of("cannot write the journal", file, e);
        }
        entries.putIfAbsent(key(scenario, r.replication()), r);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long key(int scenario, int rep) {
        return ((long) scenario << 32) | (rep & 0xffffffffL);
    }

    /** One journal line, newline included. */
    static String encode(int scenario, ReplicationResult r) {
        StringBuilder b = new StringBuilder(8192);
        b.append(scenario).append('\t').append(r.replication());
        r.metrics().forEach((k, v) -> b.append('\t').append(k).append('=').append(v));
        r.monthly().forEach((k, v) -> {
            b.append('\t').append('~').append(k).append('=');
            for (int i = 0; i < v.length; i++) {
                if (i > 0) b.append(',');
                b.append(v[i]);
            }
        });
        String body = b.toString();
        return crc(body) + "\t" + body + "\n";
    }

    /** The entry of one line, or null when the line is damaged. */
    static Entry decode(String line) {
        int tab = line.indexOf('\t');
        if (tab != 8) return null;
        String body = line.substring(tab + 1);
        if (!line.substring(0, tab).equals(crc(body))) return null;
        try {
            String[] f = body.split("\t", -1);
            int scenario = Integer.parseInt(f[0]);
            int rep = Integer.parseInt(f[1]);
            Map<String, Double> metrics = new LinkedHashMap<>();
            Map<String, double[]> monthly = new LinkedHashMap<>();
            for (int i = 2; i < f.length; i++) {
                int eq = f[i].indexOf('=');
                if (f[i].startsWith("~")) {
                    String text = f[i].substring(eq + 1);
                    String[] vs = text.isEmpty() ? new String[0] : text.split(",", -1);
                    double[] v = new double[vs.length];
                    for (int j = 0; j < v.length; j++) v[j] = Double.parseDouble(vs[j]);
                    monthly.put(f[i].substring(1, eq), v);
                } else {
                    metrics.put(f[i].substring(0, eq), Double.parseDouble(f[i].substring(eq + 1)));
                }
            }
            return new Entry(scenario, new ReplicationResult(rep, metrics, monthly));
        } catch (RuntimeException e) {
            return null; // a matching checksum over malformed text: treat as damaged
        }
    }

    private static String crc(String body) {
        CRC32 c = new CRC32();
        c.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", c.getValue());
    }
}
