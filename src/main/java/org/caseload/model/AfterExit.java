package org.caseload.model;

import org.caseload.engine.Engine;
import org.caseload.scenario.Distribution;
import org.caseload.scenario.Group;
import org.caseload.scenario.Scenario;

/**
 * After leaving the service: relapse (more likely after dropping out, less after completing
 * the recovery community), re-presentation as a new referral, or death within the follow-up
 * window. Also keeps count of who is out and due back, and who is no longer followed.
 */
final class AfterExit {
    private final Scenario.AfterExit spec;
    private final Engine engine;
    private final Mortality mortality;
    private final Recorder recorder;
    private final ClientPool clients;
    private final Journey journey;
    private int awaitingReturn;
    private int gone;

    AfterExit(Scenario scenario, Engine engine, Mortality mortality, Recorder recorder, ClientPool clients, Journey journey) {
        this.spec = scenario.afterExit();
        this.engine = engine;
        this.mortality = mortality;
        this.recorder = recorder;
        this.clients = clients;
        this.journey = journey;
    }

    /**
     * Out of the system: five uniforms (relapse, time to relapse, re-presentation, delay,
     * death). The person re-presents if they relapse and return before they die; deaths
     * within the follow-up window are counted.
     */
    void leave(Client c, Exit exit, boolean afterPrescribing) {
        double now = engine.now();
        c.enter(Stage.OUT_OF_TREATMENT);
        c.endJourney(now);
        c.lastExit(exit);
        recorder.left(now);
        double uRelapse = c.u();
        double uRelapseTime = c.u();
        double uRepresent = c.u();
        double uDelay = c.u();
        double uDeath = c.u();
        double returnDays = returnDays(c.group(), exit, uRelapse, uRelapseTime, uRepresent, uDelay);
        double deathDays = mortality.daysToDeathAfterExit(c.group(), afterPrescribing, -Math.log(uDeath));
        if (returnDays < deathDays) {
            awaitReturn(c, returnDays);
            return;
        }
        gone++;
        if (deathDays <= spec.followupDays()) engine.after(deathDays, c, ClientEvent.DIED_AFTER_EXIT.ordinal());
        else clients.finished(c);
    }

    /** {@link ClientEvent#DIED_AFTER_EXIT}. */
    void died(Client c) {
        c.enter(Stage.DEAD);
        journey.trace(c, Activity.DIED, null);
        recorder.diedAfterExit(engine.now());
        clients.finished(c);
    }

    /**
     * Days from leaving to re-presenting (relapse, then a decision and a delay to come
     * back), or infinity if the person does not come back; death is not considered here.
     */
    double returnDays(Group group, Exit exit, double uRelapse, double uRelapseTime, double uRepresent, double uDelay) {
        // Dropping away while waiting has its own return parameters; the uniforms are the same
        // ones, so a person's draws do not depend on how they left.
        boolean returns = uRelapse < Math.min(1.0, relapseChance(group, exit))
                && uRepresent < returnChanceAfterRelapse(group, exit);
        if (!returns) return Double.POSITIVE_INFINITY;
        // The quantiles only for those who come back: most do not, and the uniforms are drawn either way.
        Distribution relapseTime = relapseTime(exit);
        double relapseDays = relapseTime == null ? 0 : relapseTime.quantile(uRelapseTime);
        return relapseDays + delay(exit).quantile(uDelay);
    }

    /** The chance of coming back once relapsed: re-referral after dropping away while waiting, else re-presentation. */
    private double returnChanceAfterRelapse(Group group, Exit exit) {
        return (exit == Exit.DROPPED_AWAY ? spec.rereferralProbability() : spec.representProbability()).get(group);
    }

    /** Days from relapse to coming back. */
    Distribution delay(Exit exit) {
        return exit == Exit.DROPPED_AWAY ? spec.rereferralDelayDays() : spec.representDelayDays();
    }

    /** The chance of relapse after leaving by {@code exit}: certain for those who never started (still using). */
    private double relapseChance(Group group, Exit exit) {
        return switch (exit) {
            case COMPLETED_TREATMENT, LEFT_RECOVERY_COMMUNITY -> spec.relapseAfterCompletion().get(group);
            case COMPLETED_RECOVERY_COMMUNITY -> spec.relapseAfterCompletion().get(group) * spec.recoveryCommunityRelapseMultiplier();
            case DROPPED_OUT -> spec.relapseAfterDropout().get(group);
            case DROPPED_AWAY -> 1.0;
        };
    }

    /** Days from leaving to relapse, or null for those who never started (still using: no relapse time). */
    Distribution relapseTime(Exit exit) {
        return switch (exit) {
            case COMPLETED_TREATMENT, LEFT_RECOVERY_COMMUNITY, COMPLETED_RECOVERY_COMMUNITY -> spec.relapseAfterCompletionDays();
            case DROPPED_OUT -> spec.relapseAfterDropoutDays();
            case DROPPED_AWAY -> null;
        };
    }

    /** The chance that someone leaving by {@code exit} relapses and comes back, were they not to die first. */
    double returnChanceIgnoringDeath(Group group, Exit exit) {
        return Math.min(1.0, relapseChance(group, exit)) * returnChanceAfterRelapse(group, exit);
    }

    /** Points a side of the grid on which {@link #returnChance} averages survival to the return. */
    private static final int GRID = 32;

    /**
     * The chance that someone leaving by {@code exit} re-presents before dying: relapse, then
     * the decision to come back, then survival to the day of return, averaged over the relapse
     * time and the delay by the midpoint rule on a {@value #GRID} × {@value #GRID} grid of their
     * quantiles.
     */
    double returnChance(Group group, Exit exit, boolean afterPrescribing) {
        double p = returnChanceIgnoringDeath(group, exit);
        if (p <= 0) return 0;
        Distribution relapseTime = relapseTime(exit);
        Distribution delay = delay(exit);
        double[] relapseDays = new double[GRID];
        double[] delayDays = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            double u = (i + 0.5) / GRID;
            relapseDays[i] = relapseTime == null ? 0 : relapseTime.quantile(u);
            delayDays[i] = delay.quantile(u);
        }
        double alive = 0;
        for (double r : relapseDays) {
            for (double d : delayDays) alive += mortality.survivalAfterExit(group, afterPrescribing, r + d);
        }
        return p * alive / (GRID * GRID);
    }

    /** Someone who left before the run began (day 0) and is due to re-present in {@code days}. */
    void awaitReturnFromBefore(Client c, double days) {
        journey.trace(c, Activity.OUT_AT_START, null);
        awaitReturn(c, days);
    }

    /** Out of treatment and due to re-present in {@code days}. */
    void awaitReturn(Client c, double days) {
        awaitingReturn++;
        engine.after(days, c, ClientEvent.RETURNED.ordinal());
    }

    /** {@link ClientEvent#RETURNED}: the client re-presents as a referral. */
    void returned(Client c) {
        awaitingReturn--;
        represent(c);
    }

    /**
     * A return adds one previous episode if the person was treated since their last referral;
     * a re-referral after giving up waiting, with no treatment in between, adds none.
     */
    private void represent(Client c) {
        if (c.treatedSinceReferral) {
            c.previousEpisodes++;
            c.treatedSinceReferral = false;
        }
        c.representing = true;
        recorder.representing(c, engine.now());
        journey.refer(c);
    }

    /** Dead, or transferred out of the area: out of the system for good. */
    void noLongerFollowed() {
        gone++;
    }

    int awaitingReturn() {
        return awaitingReturn;
    }

    int gone() {
        return gone;
    }
}
