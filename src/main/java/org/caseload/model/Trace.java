package org.caseload.model;

import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;

/**
 * Receives every move of every client of one replication, in the order they happen (so in
 * simulated time order), for a per-person event log. A replication without a trace pays only a
 * null check per move.
 */
public interface Trace {
    /**
     * One event.
     *
     * @param caseNumber  the client's number in this replication (1, 2, … in order of their first event)
     * @param day         simulated day (0 is the start of the warm-up)
     * @param activity    what happened
     * @param pathway     the pathway it concerns, or null
     * @param resource    who served the client at this event (assessment or a pathway's name), or null
     */
    void event(int caseNumber, double day, Activity activity, String pathway, Group group, Complexity complexity,
               String resource);
}
