package org.caseload.web;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One what-if run: queued, running, then done, failed or cancelled. Read by any thread. */
final class Job {
    enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    final String id;
    final WhatIf.Request request;
    final int total;
    final AtomicInteger done = new AtomicInteger();
    final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile State state = State.QUEUED;
    private volatile String message = "";
    private volatile Answer answer;

    /** What a finished run shows: the folder it wrote and what to say about it. */
    record Answer(Path folder, List<String> card, List<String> words, List<List<String>> verdicts,
                  List<org.caseload.report.ReportCharts.Chart> charts, List<String> files, String note) {
    }

    Job(String id, WhatIf.Request request) {
        this.id = id;
        this.request = request;
        this.total = 2 * request.replications();
    }

    State state() {
        return state;
    }

    String message() {
        return message;
    }

    Answer answer() {
        return answer;
    }

    void running() {
        state = State.RUNNING;
    }

    void finished(Answer a) {
        answer = a;
        state = State.DONE;
    }

    void failed(String why) {
        message = why;
        state = State.FAILED;
    }

    void cancelled() {
        message = "cancelled; nothing was kept";
        state = State.CANCELLED;
    }

    boolean finished() {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
    }
}
