package org.resolve.core.engine.process;

import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.core.engine.Agents;
import org.resolve.core.engine.Cohorts;
import org.resolve.core.engine.Process;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Sector;
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
    private static final int[] AT_POSITIONS = {Cohorts.FRONT, Cohorts.RESERVE};

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
        for (int i = 0; i < a.n; i++) {
            int st = a.status[i];
            if (st != FRONT && st != RESERVE) {
                continue;
            }
            double h = s.hunger(a.hunger0[i], a.wave[i]);
            if (rng.nextDouble() < k * h) {
                a.move(i, DESERTED);
                s.todayTaken++;
                if (st == FRONT) {
                    s.todayFrontLosses++;
                }
            }
        }
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        double k = pressure(s);
        if (k <= 0) {
            return;
        }
        for (int st = 0; st < c.strata; st++) {
            int w = c.waveOf(st);
            if (!c.active[w]) {
                continue;
            }
            double p = Math.min(1, k * s.hunger(c.hunger0[st], w));
            for (int li : AT_POSITIONS) {
                int idx = st * Cohorts.LIVING + li;
                double gone = c.mass[idx] * p;
                if (gone > 0) {
                    c.mass[idx] -= gone;
                    c.absorbed[DESERTED] += gone;
                    s.todayTaken += gone;
                    if (li == Cohorts.FRONT) {
                        s.todayFrontLosses += gone;
                    }
                }
            }
        }
    }
}
