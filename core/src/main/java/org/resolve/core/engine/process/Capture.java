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
 * 5. Capture situations, for soldiers in the sector and for the wounded who cannot be evacuated.
 *
 * <p>A soldier in the sector meets a capture situation (isolated, overrun) with probability
 * 1 - exp(-k x intensity x posture exposure x U / U0): more often in an assault, less on rear duty,
 * less against a weakened opponent. Each of today's newly wounded is left behind, where the
 * opponent can take him, with probability min(1, left x intensity x U / U0) ({@code
 * capture.wounded_left_behind}): the real prisoners of January 2025 were both taken wounded.
 *
 * <p>In either situation he surrenders, if he knows a safe procedure, with
 * P = sigmoid(g0 + gD doubt - gL effective loyalty - gR reprisal fear + gH hunger); otherwise he
 * kills himself with probability selfkill.max x effective loyalty; otherwise he is taken alive with
 * the taken-alive share. A soldier who is not taken is killed resisting if he was unwounded, and
 * stays with his own side, wounded, if he was left behind. Effective loyalty = loyalty x morale x
 * (1 - doubt).
 */
public final class Capture implements Process {
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int WOUNDED = Status.WOUNDED.ordinal();
    private static final int KILLED = Status.KILLED.ordinal();
    private static final int SELF = Status.SELF_KILLED.ordinal();
    private static final int CAPTURED = Status.CAPTURED.ordinal();
    private static final int SURRENDERED = Status.SURRENDERED.ordinal();

    @Override
    public String name() {
        return "capture";
    }

    private static double opponentShare(Sector s) {
        return s.opponent0 > 0 ? s.opponent / s.opponent0 : 0;
    }

    /** @return today's probability that a soldier in the sector meets a capture situation */
    static double situation(Sector s) {
        return -StrictMath.expm1(-s.get(Param.CAPTURE_SITUATIONS_PER_DAY) * s.intensity * s.exposure * opponentShare(s));
    }

    /** @return today's probability that a soldier wounded today is left where the opponent can take him */
    static double leftBehind(Sector s) {
        return Math.min(1, s.get(Param.CAPTURE_WOUNDED_LEFT) * s.intensity * opponentShare(s));
    }

    static double surrender(Sector s, double doubt, double effLoyalty, double hunger) {
        return Sector.sigmoid(s.get(Param.SURRENDER_INTERCEPT) + s.get(Param.SURRENDER_DOUBT) * doubt
                - s.get(Param.SURRENDER_LOYALTY) * effLoyalty
                - s.get(Param.SURRENDER_REPRISAL_FEAR) * s.get(Param.REPRISAL_PROBABILITY)
                + s.get(Param.SURRENDER_HUNGER) * hunger);
    }

    /**
     * One soldier's decision in a capture situation.
     *
     * @return the status he ends in, or -1 when he stays (a wounded soldier not taken)
     */
    private static int decide(Sector s, Agents a, int i, boolean wounded, double u1, double u2, double u3) {
        double d = a.doubt[i];
        double leff = a.loyalty[i] * s.lambda * (1 - d);
        boolean knows = (a.flags[i] & Agents.KNOWS) != 0;
        double ps = knows ? surrender(s, d, leff, s.hunger(a.hunger0[i], a.wave[i])) : 0;
        if (u1 < ps) {
            return SURRENDERED;
        } else if (u2 < s.get(Param.SELFKILL_MAX) * leff) {
            return SELF;
        } else if (u3 < s.get(Param.CAPTURE_TAKEN_ALIVE)) {
            return CAPTURED;
        }
        return wounded ? -1 : KILLED;
    }

    private static void apply(Sector s, Agents a, int i, int to) {
        a.move(i, to);
        if (to == SURRENDERED || to == CAPTURED) {
            s.todayTaken++;
        } else {
            s.todayDeaths++;
        }
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        if (!s.engaged) {
            return;
        }
        UniformRandomProvider rng = r.capture;
        double pSit = situation(s);
        if (pSit > 0 && a.count[FRONT] > 0) {
            int losses = 0;
            // Every soldier in the sector meets a situation with the same probability, so instead of
            // one draw per soldier the stream gives the number of soldiers to pass over before the
            // next one who does (an exact geometric skip).
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
                apply(s, a, i, decide(s, a, i, false, u1, u2, u3));
                losses++;
            }
            s.casualtyEvents += losses;
            s.todayCasualties += losses;
            s.todayFrontLosses += losses;
        }
        double pLeft = leftBehind(s);
        int nw = a.newWoundedCount;
        if (pLeft > 0 && nw > 0) {
            // Already counted as casualties (woundings) and front losses when hit.
            Trials left = new Trials(rng, pLeft, r.perSoldier);
            for (int k = left.next(0, nw); k < nw; k = left.next(k + 1, nw)) {
                int i = a.newWounded[k];
                if (a.status[i] != WOUNDED) {
                    continue;
                }
                double u1 = rng.nextDouble();
                double u2 = rng.nextDouble();
                double u3 = rng.nextDouble();
                int to = decide(s, a, i, true, u1, u2, u3);
                if (to >= 0) {
                    apply(s, a, i, to);
                }
            }
        }
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        if (!s.engaged) {
            return;
        }
        double pSit = situation(s);
        double pLeft = leftBehind(s);
        if (pSit <= 0 && pLeft <= 0) {
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
                boolean knows = Cohorts.knowsOf(st) == 1;
                int idx = st * Cohorts.LIVING + Cohorts.FRONT;
                double m = c.mass[idx];
                if (m > 0 && pSit > 0) {
                    double met = m * pSit;
                    double d = c.dmass[idx] / m;
                    double leff = c.loyalty[st] * s.lambda * (1 - d);
                    double ps = knows ? surrender(s, d, leff, s.hunger(c.hunger0[st], w)) : 0;
                    double sur = met * ps;
                    double rest = met - sur;
                    double sk = rest * Math.min(1, selfMax * leff);
                    double tk = (rest - sk) * alive;
                    surrendered += sur;
                    self += sk;
                    taken += tk;
                    killed += rest - sk - tk;
                    c.keep(idx, 1 - pSit);
                    losses += met;
                }
                double nw = c.newWounded[st];
                if (nw > 0 && pLeft > 0) {
                    int wi = st * Cohorts.LIVING + Cohorts.WOUNDED;
                    double left = nw * pLeft;
                    double d = c.newWoundedDoubt[st] / nw;
                    double leff = c.loyalty[st] * s.lambda * (1 - d);
                    double ps = knows ? surrender(s, d, leff, s.hunger(c.hunger0[st], w)) : 0;
                    double sur = left * ps;
                    double rest = left - sur;
                    double sk = rest * Math.min(1, selfMax * leff);
                    double tk = (rest - sk) * alive;
                    double gone = Math.min(c.mass[wi], sur + sk + tk);
                    surrendered += sur;
                    self += sk;
                    taken += tk;
                    c.mass[wi] -= gone;
                    c.dmass[wi] = Math.max(0, c.dmass[wi] - gone * d);
                    c.wmass[wi] = Math.max(0, c.wmass[wi] - gone);
                }
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
