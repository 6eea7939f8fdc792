package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.caseload.engine.Mrg32k3a;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Distribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The people out of treatment at time 0 and due back, drawn directly as an M/G/∞ population,
 * against the process they stand for run forwards by brute force: exits at the rest rate over
 * the look-back, each coming back after a relapse time and a delay with the chance given, kept
 * if still out at time 0. The two must agree on how many are out and on how long they have
 * left (means and a tail share, Welch's t within 4 standard errors: 1 in 15,000 by chance).
 */
class ReturnersTest {
    private static final Path FILE = Path.of("src/test/resources/validation/returners.yaml");
    private static final int DRAWS = 300;

    /** People out per draw, their mean remaining days, and the share with more than a year left. */
    private record Sample(double[] count, double[] meanLeft, double[] overAYear) {
    }

    @Test
    void lengthBiasedReturnsMatchThePastRunForwards() {
        // 10 starts a day, 3 a day coming back after a lognormal relapse (median 150, sigma 0.9) and an exponential delay (mean 60).
        Distribution relapse = new Distribution.Lognormal(Math.log(150), 0.9);
        Distribution delay = new Distribution.Exponential(60);
        compare(ModelParts.of(FILE), 10, 0.3, relapse, delay);
    }

    @Test
    void returnsLongerThanTheLookBackAreDrawnTheOtherWayRound() {
        // Relapse after 20 years, longer than the look-back: every leaver of the last ten years is still out.
        ModelParts parts = variant("days: {dist: lognormal, median: 150, sigma: 0.9}", "days: {dist: fixed, value: 7305}");
        Sample direct = direct(parts);
        double expected = 3 * Returners.LOOK_BACK_DAYS;
        assertEquals(expected, mean(direct.count()), 4 * Math.sqrt(expected / DRAWS), "people out: a Poisson count");
        // Left uniformly over the look-back, so 20 years less half of it to go, on average.
        assertEquals(7305 + 60 - Returners.LOOK_BACK_DAYS / 2, mean(direct.meanLeft()), 5.0, "mean days left");
    }

    @Test
    void candidatesAreLeaversTimesTheChanceOfComingBackTimesTheTimeAway() {
        // 10 starts a day × 0.3 × E[R], then with 40% of completers moving on to another pathway 60% of that.
        double meanAway = Math.exp(Math.log(150) + 0.9 * 0.9 / 2) + 60;
        ModelParts all = ModelParts.of(FILE);
        assertEquals(1.0, all.routing().leavesOnCompletion(all.pathway("open")), 0.0);
        assertEquals(10 * 0.3 * meanAway, all.plan().returners("open").meanCandidates(), 1e-9 * meanAway);
        ModelParts some = variant("    capacity: {kind: open}\n", "    capacity: {kind: open}\n    on_completion: {next: 0.4}\n",
                "initial_caseload:", "  next:\n    capacity: {kind: open}\n    episodes: {default: {complete: {probability: 1, days: "
                        + "{dist: exponential, mean: 30}}}}\ninitial_caseload:");
        assertEquals(0.6, some.routing().leavesOnCompletion(some.pathway("open")), 1e-15);
        assertEquals(10 * 0.6 * 0.3 * meanAway, some.plan().returners("open").meanCandidates(), 1e-9 * meanAway);
    }

    @TempDir
    static Path dir;

    /** The test system with each {@code fromTo[2i]} replaced by {@code fromTo[2i + 1]} in its file. */
    private static ModelParts variant(String... fromTo) {
        try {
            String text = Files.readString(FILE);
            for (int i = 0; i < fromTo.length; i += 2) {
                assertTrue(text.contains(fromTo[i]), fromTo[i]);
                text = text.replace(fromTo[i], fromTo[i + 1]);
            }
            Path file = Files.writeString(dir.resolve("variant-" + Math.abs(text.hashCode()) + ".yaml"), text);
            return ModelParts.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compare(ModelParts parts, double startsPerDay, double comesBack, Distribution relapse,
                                Distribution delay) {
        Sample direct = direct(parts);
        Sample forwards = forwards(startsPerDay, comesBack, relapse, delay);
        assertAgree("people out", direct.count(), forwards.count());
        assertAgree("mean days left", direct.meanLeft(), forwards.meanLeft());
        assertAgree("share with more than a year left", direct.overAYear(), forwards.overAYear());
    }

    private static Sample direct(ModelParts parts) {
        Returners returners = parts.plan().returners("open");
        RandomStreams.Sequence streams = RandomStreams.fromSeed(11).sequence(0, 0);
        Sample s = new Sample(new double[DRAWS], new double[DRAWS], new double[DRAWS]);
        for (int d = 0; d < DRAWS; d++) {
            Mrg32k3a past = streams.next();
            double[] tally = new double[3];
            int i = d;
            returners.draw(past, (kind, previous, returnDays, leftDaysAgo) -> {
                assertTrue(leftDaysAgo >= 0 && leftDaysAgo < Returners.LOOK_BACK_DAYS && returnDays > leftDaysAgo,
                        "left " + leftDaysAgo + " days ago, back after " + returnDays);
                tally(tally, returnDays - leftDaysAgo);
            });
            record(s, i, tally);
        }
        return s;
    }

    /** The look-back run forwards: Poisson exits, each out until its return, kept if that is after time 0. */
    private static Sample forwards(double startsPerDay, double comesBack, Distribution relapse, Distribution delay) {
        SplittableRandom random = new SplittableRandom(5);
        Sample s = new Sample(new double[DRAWS], new double[DRAWS], new double[DRAWS]);
        for (int d = 0; d < DRAWS; d++) {
            double[] tally = new double[3];
            for (double ago = -Math.log(random.nextDouble()) / startsPerDay; ago < Returners.LOOK_BACK_DAYS;
                 ago += -Math.log(random.nextDouble()) / startsPerDay) {
                if (random.nextDouble() >= comesBack) continue;
                double back = relapse.quantile(random.nextDouble()) + delay.quantile(random.nextDouble());
                if (back > ago) tally(tally, back - ago);
            }
            record(s, d, tally);
        }
        return s;
    }

    private static void tally(double[] tally, double daysLeft) {
        tally[0]++;
        tally[1] += daysLeft;
        if (daysLeft > 365.25) tally[2]++;
    }

    private static void record(Sample s, int d, double[] tally) {
        s.count()[d] = tally[0];
        s.meanLeft()[d] = tally[1] / tally[0];
        s.overAYear()[d] = tally[2] / tally[0];
    }

    private static void assertAgree(String what, double[] a, double[] b) {
        double se = Math.sqrt(variance(a) / a.length + variance(b) / b.length);
        double t = (mean(a) - mean(b)) / se;
        assertTrue(Math.abs(t) < 4, what + ": drawn directly " + mean(a) + ", run forwards " + mean(b) + ", t = " + t);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return s / (x.length - 1);
    }
}
