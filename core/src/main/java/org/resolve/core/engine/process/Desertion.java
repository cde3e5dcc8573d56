package org.resolve.core.engine.process;

import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.core.engine.Agents;
import org.resolve.core.engine.Cohorts;
import org.resolve.core.engine.Process;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Sector;
import org.resolve.core.engine.Trials;
import org.resolve.core.model.Param;
import org.resolve.core.model.Status;

/**
 * 6. Desertion: a soldier at the front or in reserve leaves his position with daily probability
 * rate x hunger x (1 - food supply). Hunger moves from its level at departure toward
 * 1 - food supply at the daily adaptation rate once in theatre.
 */
public final class Desertion implements Process {
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int RESERVE = Status.RESERVE.ordinal();
    private static final int DESERTED = Status.DESERTED.ordinal();

    @Override
    public String name() {
        return "desertion";
    }

    private static double pressure(Sector s) {
        return s.get(Param.DESERTION_RATE) * (1 - s.get(Param.HOST_FOOD_SUPPLY));
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        double k = pressure(s);
        if (k <= 0 || a.count[FRONT] + a.count[RESERVE] == 0) {
            return;
        }
        UniformRandomProvider rng = r.desertion;
        if (r.perSoldier) {
            perSoldier(s, a, rng, Math.min(k, 1));
            return;
        }
        // Thinning: candidates come at the largest possible rate k (hunger <= 1), found by exact
        // geometric skips over the soldiers at their positions (the front list, then the reserve);
        // each candidate leaves with probability equal to his hunger.
        Trials candidates = new Trials(rng, Math.min(k, 1));
        int[] list = a.front;
        int n = a.frontCount;
        for (int j = candidates.next(0, n); j < n; j = candidates.next(j + 1, n)) {
            int i = list[j];
            if (a.status[i] == FRONT) {
                desert(s, a, rng, i, true);
            }
        }
        if (a.count[RESERVE] == 0) {
            return;
        }
        // Every soldier gets a trial and only those in reserve act on theirs: the same
        // distribution for them, with no scan of the others.
        for (int i = candidates.next(0, a.n); i < a.n; i = candidates.next(i + 1, a.n)) {
            if (a.status[i] == RESERVE) {
                desert(s, a, rng, i, false);
            }
        }
    }

    /** The straightforward reference: one draw per soldier at his own rate k x hunger. */
    private static void perSoldier(Sector s, Agents a, UniformRandomProvider rng, double k) {
        int[] list = a.front;
        for (int j = 0; j < a.frontCount; j++) {
            int i = list[j];
            if (a.status[i] == FRONT && rng.nextDouble() < k * s.hunger(a.hunger0[i], a.wave[i])) {
                leave(s, a, i, true);
            }
        }
        for (int i = 0; i < a.n && a.count[RESERVE] > 0; i++) {
            if (a.status[i] == RESERVE && rng.nextDouble() < k * s.hunger(a.hunger0[i], a.wave[i])) {
                leave(s, a, i, false);
            }
        }
    }

    private static void leave(Sector s, Agents a, int i, boolean atFront) {
        a.move(i, DESERTED);
        s.todayTaken++;
        if (atFront) {
            s.todayFrontLosses++;
        }
    }

    /** A candidate leaves with probability equal to his hunger. */
    private static void desert(Sector s, Agents a, UniformRandomProvider rng, int i, boolean atFront) {
        if (rng.nextDouble() < s.hunger(a.hunger0[i], a.wave[i])) {
            leave(s, a, i, atFront);
        }
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        double k = pressure(s);
        if (k <= 0) {
            return;
        }
        double deserted = 0;
        double fromFront = 0;
        int step = c.step();
        for (int j = 0; j < c.activeCount; j++) {
            int w = c.activeWaves[j];
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                int base = st * Cohorts.LIVING;
                double mf = c.mass[base + Cohorts.FRONT];
                double mr = c.mass[base + Cohorts.RESERVE];
                if (mf + mr <= 0) {
                    continue;
                }
                double p = Math.min(1, k * s.hunger(c.hunger0[st], w));
                c.keep(base + Cohorts.FRONT, 1 - p);
                c.keep(base + Cohorts.RESERVE, 1 - p);
                deserted += (mf + mr) * p;
                fromFront += mf * p;
            }
        }
        c.absorbed[DESERTED] += deserted;
        s.todayTaken += deserted;
        s.todayFrontLosses += fromFront;
    }
}
