package org.caseload.model;

import org.caseload.engine.Engine;

/**
 * Turns the journey's moves into {@link Trace} events: numbers each client at their first
 * event (so numbers follow the order people first appear, whatever the thread count), tells a
 * re-presentation (and a re-referral after dropping away) from a first referral, and names who
 * served the client.
 */
final class Tracing {
    private final Trace sink;
    private final Engine engine;
    private int cases;

    Tracing(Trace sink, Engine engine) {
        this.sink = sink;
        this.engine = engine;
    }

    void note(Client c, Activity a, PathwayState p) {
        if (c.caseNumber == 0) c.caseNumber = ++cases;
        Activity activity = a != Activity.REFERRAL || !c.representing ? a
                : c.lastExit() == Exit.DROPPED_AWAY ? Activity.RE_REFERRAL : Activity.RE_PRESENTATION;
        String pathway = p == null ? null : p.spec.name();
        String resource = switch (activity) {
            case ASSESSMENT_START, ASSESSMENT_END -> "assessment";
            case IN_ASSESSMENT_AT_START -> c.stage() == Stage.IN_ASSESSMENT ? "assessment" : null;
            case INITIAL_CASELOAD, EPISODE_START, EPISODE_COMPLETED, DROPPED_OUT, TRANSFERRED -> pathway;
            default -> null;
        };
        sink.event(c.caseNumber, engine.now(), activity, pathway, c.group(), c.complexity(), resource);
    }
}
