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
 * 6. Desertion: a soldier in the sector or in reserve leaves his position with daily probability
 * min(1, rate x hunger x (1 - food supply) + doubt rate x doubt): hunger when the host's food
 * fails (a reported case: soldiers who left without food), and doubt. Hunger moves from its level
 * at departure (1 undernourished, 0 fed) toward 1 - food supply at the daily adaptation rate once
 * in theatre.
 */
public final class Desertion implements Process {
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int RESERVE = Status.RESERVE.ordinal();
    private static final int DESERTED = Status.DESERTED.ordinal();

    @Override
    public String name() {
        return "desertion";
    }

    /** @return the hunger term's weight: rate x (1 - food supply) */
    private static double pressure(Sector s) {
        return s.get(Param.DESERTION_RATE) * (1 - s.get(Param.HOST_FOOD_SUPPLY));
    }

    /** @return a soldier's daily desertion probability */
    static double probability(Sector s, double hunger, double doubt) {
        return Math.min(1, pressure(s) * hunger + s.get(Param.DESERTION_DOUBT) * doubt);
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        double k = Math.min(1, pressure(s) + s.get(Param.DESERTION_DOUBT)); // hunger, doubt <= 1
        if (k <= 0 || a.count[FRONT] + a.count[RESERVE] == 0) {
            return;
        }
        UniformRandomProvider rng = r.desertion;
        if (r.perSoldier) {
            perSoldier(s, a, rng);
            return;
        }
        // Thinning: candidates come at the largest possible rate k (hunger, doubt <= 1), found by
        // exact geometric skips over the soldiers at their positions (the front list, then the
        // reserve); each candidate leaves with probability p_i / k.
        Trials candidates = new Trials(rng, k);
        int[] list = a.front;
        int n = a.frontCount;
        for (int j = candidates.next(0, n); j < n; j = candidates.next(j + 1, n)) {
            int i = list[j];
            if (a.status[i] == FRONT) {
                desert(s, a, rng, i, true, k);
            }
        }
        if (a.count[RESERVE] == 0) {
            return;
        }
        // Every soldier gets a trial and only those in reserve act on theirs: the same
        // distribution for them, with no scan of the others.
        for (int i = candidates.next(0, a.n); i < a.n; i = candidates.next(i + 1, a.n)) {
            if (a.status[i] == RESERVE) {
                desert(s, a, rng, i, false, k);
            }
        }
    }

    /** The straightforward reference: one draw per soldier at his own probability. */
    private static void perSoldier(Sector s, Agents a, UniformRandomProvider rng) {
        int[] list = a.front;
        for (int j = 0; j < a.frontCount; j++) {
            int i = list[j];
            if (a.status[i] == FRONT && rng.nextDouble() < probability(s, s.hunger(a.hunger0[i], a.wave[i]), a.doubt[i])) {
                leave(s, a, i, true);
            }
        }
        for (int i = 0; i < a.n && a.count[RESERVE] > 0; i++) {
            if (a.status[i] == RESERVE && rng.nextDouble() < probability(s, s.hunger(a.hunger0[i], a.wave[i]), a.doubt[i])) {
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

    /** A candidate found at rate k leaves with probability p_i / k. */
    private static void desert(Sector s, Agents a, UniformRandomProvider rng, int i, boolean atFront, double k) {
        if (rng.nextDouble() * k < probability(s, s.hunger(a.hunger0[i], a.wave[i]), a.doubt[i])) {
            leave(s, a, i, atFront);
        }
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        if (pressure(s) <= 0 && s.get(Param.DESERTION_DOUBT) <= 0) {
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
                double h = s.hunger(c.hunger0[st], w);
                double pf = mf > 0 ? probability(s, h, c.dmass[base + Cohorts.FRONT] / mf) : 0;
                double pr = mr > 0 ? probability(s, h, c.dmass[base + Cohorts.RESERVE] / mr) : 0;
                c.keep(base + Cohorts.FRONT, 1 - pf);
                c.keep(base + Cohorts.RESERVE, 1 - pr);
                deserted += mf * pf + mr * pr;
                fromFront += mf * pf;
            }
        }
        c.absorbed[DESERTED] += deserted;
        s.todayTaken += deserted;
        s.todayFrontLosses += fromFront;
    }
}
