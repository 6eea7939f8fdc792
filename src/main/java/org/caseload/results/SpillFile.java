package org.caseload.results;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.caseload.fault.FileFaults;

/**
 * A {@link ReplicationStore} in a binary file: per replication its index and its values as raw
 * doubles (exact, so outputs written from the file are the bytes they would be from memory);
 * the metric and series names and the series' lengths are kept in memory, from the first.
 * About 8 bytes a value on disk and a buffer in memory, whatever the number of replications.
 */
final class SpillFile implements ReplicationStore {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Path file;
    private final DataOutputStream out;
    private List<String> metricNames;
    private List<String> seriesNames;
    private int[] seriesLengths;
    private int size;

    private SpillFile(Path file, DataOutputStream out) {
        this.file = file;
        this.out = out;
    }

    static SpillFile create(Path folder) {
        try {
            Files.createDirectories(folder);
            Path file = Files.createTempFile(folder, "replications-", ".bin");
            file.toFile().deleteOnExit();
            SpillFile s = new SpillFile(file, new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)));
            DataOutputStream stream = s.out;
            CLEANER.register(s, () -> {
                try {
                    stream.close();
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed at exit
                }
            });
            return s;
        } catch (IOException e) {
            throw FileFaults.of("cannot keep replication results", folder, e);
        }
    }

    @Override
    public synchronized void add(ReplicationResult r) {
        try {
            if (metricNames == null) header(r);
            else requireSameShape(r); // before writing anything: a refused replication leaves no bytes behind
            out.writeInt(r.replication());
            for (double v : r.metrics().values()) out.writeDouble(v);
            for (double[] series : r.monthly().values()) {
                for (double v : series) out.writeDouble(v);
            }
            size++;
        } catch (IOException e) {
            throw FileFaults.of("cannot write replication results", file, e);
        }
    }

    private void requireSameShape(ReplicationResult r) {
        if (!metricNames.equals(List.copyOf(r.metrics().keySet())) || !seriesNames.equals(List.copyOf(r.monthly().keySet()))) {
            throw new IllegalArgumentException("replication " + r.replication() + " has other metrics than the first");
        }
        int i = 0;
        for (double[] series : r.monthly().values()) {
            if (series.length != seriesLengths[i++]) throw new IllegalArgumentException("monthly series of another length");
        }
    }

    private void header(ReplicationResult r) {
        metricNames = List.copyOf(r.metrics().keySet());
        seriesNames = List.copyOf(r.monthly().keySet());
        seriesLengths = r.monthly().values().stream().mapToInt(a -> a.length).toArray();
    }

    @Override
    public synchronized int size() {
        return size;
    }

    @Override
    public synchronized Reader reader() {
        try {
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            return new FileReader(in, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private final class FileReader implements Reader {
        private final DataInputStream in;
        private final int count;
        private int read;

        FileReader(DataInputStream in, int count) {
            this.in = in;
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return read < count;
        }

        @Override
        public ReplicationResult next() {
            if (read >= count) throw new NoSuchElementException();
            try {
                int replication = in.readInt();
                Map<String, Double> metrics = new LinkedHashMap<>();
                for (String m : metricNames) metrics.put(m, in.readDouble());
                Map<String, double[]> monthly = new LinkedHashMap<>();
                for (int i = 0; i < seriesNames.size(); i++) {
                    double[] v = new double[seriesLengths[i]];
                    for (int j = 0; j < v.length; j++) v[j] = in.readDouble();
                    monthly.put(seriesNames.get(i), v);
                }
                read++;
                return new ReplicationResult(replication, metrics, monthly);
            } catch (EOFException e) {
                throw new IllegalStateException(file + " is shorter than the replications written to it", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
