package org.caseload.model;

import org.caseload.engine.Engine;
import org.caseload.scenario.Group;
import org.caseload.scenario.Scenario;

/**
 * Deaths: in a pathway (in-treatment rate, or the out-of-treatment rate in the recovery
 * community), while waiting for assessment or a place (out-of-treatment rate), and after
 * leaving (a spike after prescribing, then the out-of-treatment rate). Each time to death is
 * drawn by inversion from one uniform of the client's stream.
 */
final class Mortality {
    private final Scenario.Mortality spec;
    private final Engine engine;
    private final Recorder recorder;
    private final Journey journey;
    /** [group]: the daily death rates of the two fortnights after leaving prescribing (see {@link #spikePerDay}). */
    private final double[][] spike = new double[Client.GROUPS.length][];

    Mortality(Scenario scenario, Engine engine, Recorder recorder, Journey journey) {
        this.spec = scenario.mortality();
        this.engine = engine;
        this.recorder = recorder;
        this.journey = journey;
        for (Group g : Client.GROUPS) spike[g.ordinal()] = spikePerDay(g);
    }

    private static double perDay(double per1000PersonYears) {
        return per1000PersonYears / 1000.0 / Scenario.DAYS_PER_YEAR;
    }

    /** Days to death in pathway {@code p} from uniform {@code u}; infinite at a zero rate. */
    double daysToDeathIn(PathwayState p, Group g, double u) {
        double ratePerDay = perDay((p.isTreatment() ? spec.inTreatmentPer1000() : spec.outOfTreatmentPer1000()).get(g));
        return ratePerDay > 0 ? -Math.log(u) / ratePerDay : Double.POSITIVE_INFINITY;
    }

    /**
     * People waiting (for assessment or a place) are out of treatment and die at the
     * out-of-treatment rate. The death is an event of the waiting stage, cancelled when the
     * wait ends. The wait ends at the latest when patience runs out ({@code patienceDays},
     * infinite without patience), so a death due strictly later is not scheduled at all: it
     * could only be cancelled (most of them: deaths are years away, patience weeks). At the
     * same instant the death, scheduled first, would come first, so that case is scheduled.
     */
    void deathWhileWaiting(Client c, double u, double patienceDays) {
        double ratePerDay = perDay(spec.outOfTreatmentPer1000().get(c.group()));
        if (ratePerDay <= 0) return;
        double deathDays = -Math.log(u) / ratePerDay;
        if (patienceDays < Double.POSITIVE_INFINITY && engine.timeAfter(deathDays) > engine.timeAfter(patienceDays)) return;
        engine.after(deathDays, c, ClientEvent.DIED_WHILE_WAITING.ordinal());
    }

    /** {@link ClientEvent#DIED_WHILE_WAITING}, once the client is off their queue. */
    void diedWhileWaiting(Client c) {
        double now = engine.now();
        c.enter(Stage.DEAD);
        c.endJourney(now);
        journey.waitingChanged();
        journey.noLongerFollowed(c);
        recorder.left(now);
        recorder.diedWhileWaiting(now);
    }

    /** The death rate per day in pathway {@code p} (the in-treatment rate, or the out-of-treatment rate in the recovery community). */
    double ratePerDayIn(PathwayState p, Group g) {
        return perDay((p.isTreatment() ? spec.inTreatmentPer1000() : spec.outOfTreatmentPer1000()).get(g));
    }

    /** The chance of being alive {@code days} after leaving: exp(−H) of the hazard {@link #daysToDeathAfterExit} inverts. */
    double survivalAfterExit(Group g, boolean afterPrescribing, double days) {
        double out = perDay(spec.outOfTreatmentPer1000().get(g));
        double hazard = 0;
        double t = days;
        if (afterPrescribing) {
            for (double r : spike[g.ordinal()]) {
                double span = Math.min(t, 14);
                hazard += r * span;
                t -= span;
            }
        }
        return Math.exp(-(hazard + out * t));
    }

    /** The daily death rates of the two fortnights after leaving prescribing: the in-treatment rate times the spike multipliers. */
    private double[] spikePerDay(Group g) {
        double in = perDay(spec.inTreatmentPer1000().get(g));
        return new double[] {in * spec.postExitMultiplierWeeks1To2(), in * spec.postExitMultiplierWeeks3To4()};
    }

    /** Inverts the cumulative post-exit hazard at {@code e} (an Exp(1) draw): days to death. */
    double daysToDeathAfterExit(Group g, boolean afterPrescribing, double e) {
        double out = perDay(spec.outOfTreatmentPer1000().get(g));
        double offset = 0;
        if (afterPrescribing) {
            for (double r : spike[g.ordinal()]) {
                double h = r * 14;
                if (e < h) return offset + e / r;
                e -= h;
                offset += 14;
            }
        }
        return out > 0 ? offset + e / out : Double.POSITIVE_INFINITY;
    }
}
