package org.caseload.web;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseload.fault.CaseloadException;
import org.caseload.report.OutputDirectory;
import org.caseload.scenario.ComparedScenarios;
import org.caseload.scenario.ScenarioException;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.YamlTree;

/**
 * Accepts what-if runs and runs them one at a time, so two browsers cannot overload the
 * machine: the others wait in a short queue, and beyond that are turned away. Each run writes
 * into its own folder under the results folder, which appears only when the run has finished.
 */
final class RunQueue implements AutoCloseable {
    static final int MAX_WAITING = 4;
    /** Finished runs remembered (each holds its charts, well under 1 MB); their folders stay on disk regardless. */
    private static final int KEEP_JOBS = 20;

    private final ScenarioCatalogue catalogue;
    private final Path resultsRoot;
    private final int threads;
    private final long maxEvents;
    private final PrintStream console;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "caseload-serve-run");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    /**
     * Numbers the runs of this process (all its servers); with the process id and the second in
     * the run's id, two servers, or two processes, sharing a results folder never pick the same folder.
     */
    private static final AtomicInteger COUNTER = new AtomicInteger();

    RunQueue(ScenarioCatalogue catalogue, Path resultsRoot, int threads, long maxEvents, PrintStream console) {
        this.catalogue = catalogue;
        this.resultsRoot = resultsRoot;
        this.threads = threads;
        this.maxEvents = maxEvents;
        this.console = console;
    }

    /** What a submission gave: a queued job, or messages by form field ("" for the whole form). */
    record Submitted(Job job, Map<String, String> errors) {
    }

    /** Checks the form as the CLI would check the scenario it makes, then queues the run. */
    Submitted submit(Map<String, String> form) {
        String baseline = form.getOrDefault("baseline", "");
        ScenarioCatalogue.Entry base = catalogue.get(baseline);
        if (base == null) return new Submitted(null, Map.of("baseline", "unknown scenario '" + baseline + "'; choose one from the list"));
        WhatIf.Request request = WhatIf.parse(form, base.loaded().scenario());
        if (!request.errors().isEmpty()) return new Submitted(null, request.errors());
        String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + ProcessHandle.current().pid()
                + "-" + COUNTER.incrementAndGet();
        // The same output rules as the CLI; the baseline file is an input, so its folder is never replaced.
        OutputDirectory out = OutputDirectory.open(resultsRoot.resolve(baseline + "-what-if-" + id), List.of(base.file()), null);
        boolean queued = false;
        try {
            Path file = out.path().resolve(WhatIfRun.SCENARIO_FILE);
            Files.writeString(file, YamlTree.write(WhatIf.tree(base.loaded().tree(), request)), StandardCharsets.UTF_8);
            ScenarioReader.Loaded whatIf;
            try {
                whatIf = ScenarioReader.load(file, List.of());
            } catch (ScenarioException e) {
                String field = WhatIf.fieldOf(e.field());
                String text = (e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ") + e.problem();
                return new Submitted(null, Map.of(field == null ? "" : field, text));
            }
            synchronized (this) {
                long waiting = jobs.values().stream().filter(j -> j.state() == Job.State.QUEUED).count();
                if (waiting >= MAX_WAITING) {
                    return new Submitted(null, Map.of("", "the server is busy (" + waiting + " runs waiting); try again in a minute"));
                }
                Job job = new Job(id, request);
                jobs.put(id, job);
                trim();
                // Compared on common random numbers, so run with one warm-up (the what-if's, when it is a variant).
                List<ScenarioReader.Loaded> both = ComparedScenarios.align(List.of(base.loaded(), whatIf));
                worker.submit(() -> new WhatIfRun(job, both.get(0), base.file(), both.get(1), out, threads, maxEvents, console).run());
                queued = true;
                return new Submitted(job, Map.of());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!queued) out.close();
        }
    }

    synchronized Job job(String id) {
        return jobs.get(id);
    }

    /** Runs ahead of this one, queued or running (0 when it is running or finished). */
    synchronized int position(Job job) {
        if (job.state() != Job.State.QUEUED) return 0;
        int ahead = 0;
        for (Job j : jobs.values()) {
            if (j == job) break;
            if (!j.finished()) ahead++;
        }
        return ahead;
    }

    /** Forgets the oldest finished jobs (their folders stay on disk). */
    private void trim() {
        List<String> old = new ArrayList<>();
        int excess = jobs.size() - KEEP_JOBS;
        for (Map.Entry<String, Job> e : jobs.entrySet()) {
            if (excess - old.size() <= 0) break;
            if (e.getValue().finished()) old.add(e.getKey());
        }
        old.forEach(jobs::remove);
    }

    /** Whether the message is one for a person (shown as is) rather than an internal fault. */
    static boolean forPerson(Throwable t) {
        return t instanceof CaseloadException;
    }

    @Override
    public void close() {
        synchronized (this) {
            jobs.values().forEach(j -> j.cancelRequested.set(true));
        }
        worker.shutdownNow();
    }
}
