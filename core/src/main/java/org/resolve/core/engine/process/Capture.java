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
 * 5. Capture situations. A front soldier meets one (isolated, overrun) with probability
 * 1 - exp(-k x intensity). He then surrenders, if he knows a safe procedure, with
 * P = sigmoid(g0 + gD doubt - gL effective loyalty - gR reprisal fear + gH hunger); otherwise he
 * kills himself with probability selfkill.max x effective loyalty; otherwise he is taken alive
 * with the taken-alive share, or killed resisting. Effective loyalty = loyalty x morale x
 * (1 - doubt).
 */
public final class Capture implements Process {
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int KILLED = Status.KILLED.ordinal();
    private static final int SELF = Status.SELF_KILLED.ordinal();
    private static final int CAPTURED = Status.CAPTURED.ordinal();
    private static final int SURRENDERED = Status.SURRENDERED.ordinal();

    @Override
    public String name() {
        return "capture";
    }

    static double situation(Sector s) {
        return -StrictMath.expm1(-s.get(Param.CAPTURE_SITUATIONS_PER_DAY) * s.intensity);
    }

    static double surrender(Sector s, double doubt, double effLoyalty, double hunger) {
        return Sector.sigmoid(s.get(Param.SURRENDER_INTERCEPT) + s.get(Param.SURRENDER_DOUBT) * doubt
                - s.get(Param.SURRENDER_LOYALTY) * effLoyalty
                - s.get(Param.SURRENDER_REPRISAL_FEAR) * s.get(Param.REPRISAL_PROBABILITY)
                + s.get(Param.SURRENDER_HUNGER) * hunger);
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        if (!s.engaged || a.count[FRONT] == 0) {
            return;
        }
        double pSit = situation(s);
        if (pSit <= 0) {
            return;
        }
        double selfMax = s.get(Param.SELFKILL_MAX);
        double alive = s.get(Param.CAPTURE_TAKEN_ALIVE);
        UniformRandomProvider rng = r.capture;
        int losses = 0;
        // Every front soldier meets a situation with the same probability, so instead of one draw
        // per soldier the stream gives the number of soldiers to pass over before the next one who
        // does (an exact geometric skip).
        Trials situations = new Trials(rng, pSit, r.perSoldier);
        int[] list = a.front;
        int n = a.frontCount;
        for (int k = situations.next(0, n); k < n; k = situations.next(k + 1, n)) {
            int i = list[k];
            if (a.status[i] != FRONT) {
                continue;
            }
            // Three draws whatever happens, so the stream stays aligned across scenarios.
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            double u3 = rng.nextDouble();
            double d = a.doubt[i];
            double leff = a.loyalty[i] * s.lambda * (1 - d);
            boolean knows = (a.flags[i] & Agents.KNOWS) != 0;
            double ps = knows ? surrender(s, d, leff, s.hunger(a.hunger0[i], a.wave[i])) : 0;
            losses++;
            if (u1 < ps) {
                a.move(i, SURRENDERED);
                s.todayTaken++;
            } else if (u2 < selfMax * leff) {
                a.move(i, SELF);
                s.todayDeaths++;
            } else if (u3 < alive) {
                a.move(i, CAPTURED);
                s.todayTaken++;
            } else {
                a.move(i, KILLED);
                s.todayDeaths++;
            }
        }
        s.casualtyEvents += losses;
        s.todayCasualties += losses;
        s.todayFrontLosses += losses;
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        if (!s.engaged) {
            return;
        }
        double pSit = situation(s);
        if (pSit <= 0) {
            return;
        }
        double selfMax = s.get(Param.SELFKILL_MAX);
        double alive = s.get(Param.CAPTURE_TAKEN_ALIVE);
        double losses = 0;
        double surrendered = 0;
        double self = 0;
        double taken = 0;
        double killed = 0;
        int step = c.step();
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                int idx = st * Cohorts.LIVING + Cohorts.FRONT;
                double m = c.mass[idx];
                if (m <= 0) {
                    continue;
                }
                double met = m * pSit;
                double d = c.dmass[idx] / m;
                double leff = c.loyalty[st] * s.lambda * (1 - d);
                double ps = Cohorts.knowsOf(st) == 1 ? surrender(s, d, leff, s.hunger(c.hunger0[st], w)) : 0;
                double sur = met * ps;
                double rest = met - sur;
                double sk = rest * Math.min(1, selfMax * leff);
                double tk = (rest - sk) * alive;
                surrendered += sur;
                self += sk;
                taken += tk;
                killed += rest - sk - tk;
                c.mass[idx] = m - met;
                c.dmass[idx] *= 1 - pSit;
                losses += met;
            }
        }
        c.absorbed[SURRENDERED] += surrendered;
        c.absorbed[SELF] += self;
        c.absorbed[CAPTURED] += taken;
        c.absorbed[KILLED] += killed;
        s.todayTaken += surrendered + taken;
        s.todayDeaths += self + killed;
        s.casualtyEvents += losses;
        s.todayCasualties += losses;
        s.todayFrontLosses += losses;
    }
}
