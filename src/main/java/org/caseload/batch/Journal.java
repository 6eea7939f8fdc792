package org.caseload.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.caseload.experiment.Experiment;
import org.caseload.results.ReplicationResult;
import org.caseload.fault.FileFaults;
import org.caseload.fault.InputException;

/**
 * An append-only record of finished replications, one line each, so that a batch killed part
 * way (kill -9, power cut) loses nothing it had finished.
 *
 * <p>The first line ties the journal to its batch: {@code # caseload journal of batch ID},
 * where ID is the batch record's {@link BatchSpec#id} (which covers the seed, the scenarios, the
 * build, the slice...). A journal is only ever read for the batch it names: one copied from
 * another run, or written by a caseload before journals had this line, is refused naming the
 * file, never merged into this batch's results.
 *
 * <p>Every other line is {@code CRC<TAB>scenario<TAB>replication<TAB>fields...}, where CRC is the
 * CRC32 (8 hex digits) of everything after the first tab; each line is forced to disk before
 * the replication counts as done. On opening, a torn last line (no newline: the process died
 * while writing it) is cut off, and any line whose checksum does not match is ignored, so its
 * replication is simply run again. Values are written with {@link Double#toString}, which reads
 * back to the identical double, so results rebuilt from the journal give byte-identical files.
 */
public final class Journal implements AutoCloseable, Experiment.Known {
    /** A journal entry: the scenario's index in the batch and its result. */
    public record Entry(int scenario, ReplicationResult result) {
    }

    /** The first line of a journal, before its batch's id. */
    static final String HEADER = "# caseload journal of batch ";

    private final Path file;
    private final FileChannel channel;
    /** Where each recorded replication's line is: the results stay on disk, read back when asked for. */
    private final Offsets entries;
    private final int damaged;
    private long end;

    private Journal(Path file, FileChannel channel, Offsets entries, int damaged, long end) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
        this.damaged = damaged;
        this.end = end;
    }

    /**
     * Opens the journal of {@code batch} for appending, after indexing what it holds; a new (or
     * empty) one is created with the header naming the batch. A journal of another batch, or one
     * without the header, is refused naming the file.
     */
    public static Journal open(Path file, BatchSpec batch) {
        try {
            if (Files.exists(file)) cutTornTail(file);
            String header = HEADER + batch.id() + "\n";
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            if (!fresh) requireHeader(file, header, "remove it to run the batch from the start");
            Offsets index = new Offsets();
            int damaged = scan(file, (e, offset, length) ->
                    index.putIfAbsent(Offsets.key(e.scenario, e.result.replication()), offset, length));
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Journal j = new Journal(file, ch, index, damaged, ch.size());
            if (fresh) j.write(header.getBytes(StandardCharsets.UTF_8));
            return j;
        } catch (IOException e) {
            throw FileFaults.of("cannot open the journal", file, e);
        }
    }

    /**
     * Refuses {@code file} (not empty) unless its first line is {@code header}, saying what is
     * wrong and {@code whatToDo}.
     */
    private static void requireHeader(Path file, String header, String whatToDo) throws IOException {
        byte[] expected = header.getBytes(StandardCharsets.UTF_8);
        byte[] first;
        try (InputStream in = Files.newInputStream(file)) {
            first = in.readNBytes(expected.length);
        }
        if (Arrays.equals(first, expected)) return;
        String start = new String(first, StandardCharsets.UTF_8);
        String what = start.startsWith(HEADER) || HEADER.startsWith(start)
                ? "the journal of another batch (its first line names a batch other than this one: copied from another run?)"
                : "not a journal this caseload can read (its first line does not name its batch: written by an older "
                + "caseload, or not a journal)";
        throw new InputException(file + ": " + what + "; " + whatToDo);
    }

    /** Told each valid line of a journal, with where it lies in the file. */
    private interface LineVisitor {
        void entry(Entry e, long offset, int length);
    }

    /**
     * Reads the journal of {@code shard} (a finished shard folder's) without opening it for
     * writing, handing each valid entry to {@code visitor} in file order, one at a time; returns
     * how many lines were damaged. A journal of another batch or slice, or one without the header,
     * is refused naming the file; a missing or empty one holds nothing.
     */
    public static int forEach(Path file, BatchSpec shard, Consumer<Entry> visitor) throws IOException {
        if (Files.exists(file) && Files.size(file) > 0) {
            requireHeader(file, HEADER + shard.id() + "\n", "run shard " + shard.slice() + " again");
        }
        return scan(file, (e, offset, length) -> visitor.accept(e));
    }

    private static int scan(Path file, LineVisitor visitor) throws IOException {
        if (!Files.exists(file)) return 0;
        int bad = 0;
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(16_384);
            byte[] buffer = new byte[1 << 16];
            long offset = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] != '\n') continue;
                    line.write(buffer, start, i + 1 - start);
                    start = i + 1;
                    int length = line.size();
                    if (offset == 0 && line.toByteArray()[0] == '#') { // the header, checked on opening
                        offset += length;
                        line.reset();
                        continue;
                    }
                    Entry e = decode(new String(line.toByteArray(), 0, length - 1, StandardCharsets.UTF_8));
                    if (e == null) bad++;
                    else visitor.entry(e, offset, length);
                    offset += length;
                    line.reset();
                }
                line.write(buffer, start, read - start);
            }
            if (line.size() > 0) bad++; // a last line without its newline (only in a file not opened for appending)
        }
        return bad;
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

    /** Whether replication {@code rep} of scenario {@code scenario} is recorded. */
    @Override
    public synchronized boolean has(int scenario, int rep) {
        return entries.contains(Offsets.key(scenario, rep));
    }

    /** The recorded result of replication {@code rep} of scenario {@code scenario} (read back from the file), or null. */
    @Override
    public synchronized ReplicationResult get(int scenario, int rep) {
        long key = Offsets.key(scenario, rep);
        long offset = entries.offset(key);
        if (offset < 0) return null;
        ByteBuffer b = ByteBuffer.allocate(entries.length(key));
        try {
            while (b.hasRemaining()) {
                if (channel.read(b, offset + b.position()) < 0) throw new IOException("the journal is shorter than its index");
            }
        } catch (IOException e) {
            throw FileFaults.of("cannot read the journal", file, e);
        }
        Entry e = decode(new String(b.array(), 0, b.capacity() - 1, StandardCharsets.UTF_8));
        if (e == null) throw new IllegalStateException(file + ": a recorded line changed while the journal was open");
        return e.result();
    }

    /** Number of distinct replications recorded. */
    public synchronized int size() {
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
        long at = end;
        write(line);
        entries.putIfAbsent(Offsets.key(scenario, r.replication()), at, line.length);
    }

    /** Appends a line and forces it to disk. */
    private synchronized void write(byte[] line) {
        try {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) channel.write(b, end + b.position());
            channel.force(false);
        } catch (IOException e) {
            throw FileFaults.of("cannot write the journal", file, e);
        }
        end += line.length;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
