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
 * 5. The decision at the point of capture, and surrender by choice.
 *
 * <p><b>Capture situations.</b> A soldier in the sector meets one (isolated, overrun) with probability
 * 1 - exp(-k x intensity x posture exposure x U / U0): more often in an assault, less on rear duty,
 * less against a weakened opponent. Each of today's newly wounded is left behind, where the
 * opponent can take him, with probability min(1, left x intensity x U / U0): the real prisoners of
 * January 2025 were both taken wounded.
 *
 * <p><b>The decision</b> — surrender, kill himself, or fight on — is a multinomial logit of the
 * article's reasons, with fighting on as the reference. A soldier's doubt is the probability that he
 * has come to believe he was lied to; persuaded (P = 1) or not (P = 0):
 * <pre>
 *   U_surrender = g0 + gD P + gK knows + gW wounded - gL loyalty x morale - gR belief
 *   U_selfkill  = k0 + kL loyalty x morale + kV valorisation + kR belief - kD P
 *   P(option)   = doubt x softmax(U | P = 1) + (1 - doubt) x softmax(U | P = 0), fighting on at 0
 * </pre>
 * where belief ({@code reprisal.belief}) is what he believes his family faces if he is taken,
 * valorisation ({@code family.valorisation}) what it gains from his death, and knows whether he has
 * learned a safe way to surrender. Because the decision is linear in doubt, the aggregate mode's
 * mean doubt of a stratum gives exactly the agent mode's expected decisions. A soldier who fights
 * on is taken alive with {@code capture.taken_alive}; if not, he is killed (unwounded) or stays with
 * his own side (wounded left behind). His family's fate follows in {@link Families}.
 *
 * <p><b>Surrender by choice.</b> A soldier in the sector who knows a safe procedure has
 * {@code surrender.opportunities_per_day} chances a day to use it without a capture situation; at
 * each he surrenders with doubt x sigmoid(U_surrender | P = 1) + (1 - doubt) x sigmoid(U_surrender | P = 0),
 * else stays. This is how doubt reaches surrender
 * outside rare capture situations.
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

    /** Log-odds of surrendering against fighting on, persuaded or not. */
    static double surrenderUtility(Sector s, boolean persuaded, double loyalty, boolean knows, boolean wounded) {
        return s.get(Param.SURRENDER_INTERCEPT) + (persuaded ? s.get(Param.SURRENDER_DOUBT) : 0)
                + (knows ? s.get(Param.SURRENDER_KNOWS) : 0) + (wounded ? s.get(Param.SURRENDER_WOUNDED) : 0)
                - s.get(Param.SURRENDER_LOYALTY) * loyalty
                - s.get(Param.SURRENDER_REPRISAL_FEAR) * s.get(Param.REPRISAL_BELIEF);
    }

    /** Log-odds of killing himself against fighting on, persuaded or not. */
    static double selfKillUtility(Sector s, boolean persuaded, double loyalty) {
        return s.get(Param.SELFKILL_INTERCEPT) + s.get(Param.SELFKILL_LOYALTY) * loyalty
                + s.get(Param.SELFKILL_VALORISATION) * s.get(Param.FAMILY_VALORISATION)
                + s.get(Param.SELFKILL_REPRISAL) * s.get(Param.REPRISAL_BELIEF)
                - (persuaded ? s.get(Param.SELFKILL_DOUBT) : 0);
    }

    /**
     * The decision's probabilities.
     *
     * @param doubt the probability he is persuaded he was lied to
     * @param loyalty his loyalty x morale
     * @param out receives {P(surrender), P(kill himself)}; fighting on has the rest
     */
    static void choice(Sector s, double doubt, double loyalty, boolean knows, boolean wounded, double[] out) {
        double s1 = 0;
        double k1 = 0;
        for (int persuaded = 0; persuaded < 2; persuaded++) {
            double w = persuaded == 1 ? doubt : 1 - doubt;
            double us = surrenderUtility(s, persuaded == 1, loyalty, knows, wounded);
            double uk = selfKillUtility(s, persuaded == 1, loyalty);
            double m = Math.max(0, Math.max(us, uk)); // against overflow
            double es = StrictMath.exp(us - m);
            double ek = StrictMath.exp(uk - m);
            double total = StrictMath.exp(-m) + es + ek;
            s1 += w * es / total;
            k1 += w * ek / total;
        }
        out[0] = s1;
        out[1] = k1;
    }

    /** @return the probability he surrenders at a chance to do so by choice (he knows a procedure, unwounded) */
    static double surrenderByChoice(Sector s, double doubt, double loyalty) {
        return doubt * Sector.sigmoid(surrenderUtility(s, true, loyalty, true, false))
                + (1 - doubt) * Sector.sigmoid(surrenderUtility(s, false, loyalty, true, false));
    }

    /**
     * One soldier's decision in a capture situation.
     *
     * @return the status he ends in, or -1 when he stays (a wounded soldier not taken)
     */
    private static int decide(Sector s, Agents a, int i, boolean wounded, double u1, double u3, double[] pr) {
        boolean knows = (a.flags[i] & Agents.KNOWS) != 0;
        choice(s, a.doubt[i], a.loyalty[i] * s.lambda, knows, wounded, pr);
        if (u1 < pr[0]) {
            return SURRENDERED;
        } else if (u1 < pr[0] + pr[1]) {
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
        double[] pr = new double[2];
        double pSit = situation(s);
        int[] list = a.front;
        int n = a.frontCount;
        if (pSit > 0 && a.count[FRONT] > 0) {
            int losses = 0;
            // Every soldier in the sector meets a situation with the same probability, so instead of
            // one draw per soldier the stream gives the number of soldiers to pass over before the
            // next one who does (an exact geometric skip).
            Trials situations = new Trials(rng, pSit, r.perSoldier);
            for (int k = situations.next(0, n); k < n; k = situations.next(k + 1, n)) {
                int i = list[k];
                if (a.status[i] != FRONT) {
                    continue;
                }
                // Two draws whatever happens, so the stream stays aligned across scenarios.
                double u1 = rng.nextDouble();
                double u3 = rng.nextDouble();
                apply(s, a, i, decide(s, a, i, false, u1, u3, pr));
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
                double u3 = rng.nextDouble();
                int to = decide(s, a, i, true, u1, u3, pr);
                if (to >= 0) {
                    apply(s, a, i, to);
                    if (to == CAPTURED) {
                        s.capturedWounded++;
                    }
                }
            }
        }
        double pOpp = opportunity(s);
        if (pOpp > 0 && a.knowing > 0 && a.count[FRONT] > 0) {
            int chosen = 0;
            Trials chances = new Trials(rng, pOpp, r.perSoldier);
            for (int k = chances.next(0, n); k < n; k = chances.next(k + 1, n)) {
                int i = list[k];
                if (a.status[i] != FRONT || (a.flags[i] & Agents.KNOWS) == 0) {
                    continue;
                }
                if (rng.nextDouble() < surrenderByChoice(s, a.doubt[i], a.loyalty[i] * s.lambda)) {
                    apply(s, a, i, SURRENDERED);
                    chosen++;
                }
            }
            s.surrenderedByChoice += chosen;
            s.casualtyEvents += chosen;
            s.todayCasualties += chosen;
            s.todayFrontLosses += chosen;
        }
    }

    /** @return today's probability that a soldier in the sector has a chance to surrender by choice */
    static double opportunity(Sector s) {
        return -StrictMath.expm1(-s.get(Param.SURRENDER_OPPORTUNITIES));
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        if (!s.engaged) {
            return;
        }
        double pSit = situation(s);
        double pLeft = leftBehind(s);
        double pOpp = c.anyKnows ? opportunity(s) : 0;
        if (pSit <= 0 && pLeft <= 0 && pOpp <= 0) {
            return;
        }
        double alive = s.get(Param.CAPTURE_TAKEN_ALIVE);
        double[] pr = new double[2];
        double losses = 0;
        double surrendered = 0;
        double self = 0;
        double taken = 0;
        double takenWounded = 0;
        double killed = 0;
        double byChoice = 0;
        int step = c.step();
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                boolean knows = Cohorts.knowsOf(st) == 1;
                int idx = st * Cohorts.LIVING + Cohorts.FRONT;
                double m = c.mass[idx];
                if (m > 0 && pSit > 0) {
                    double met = m * pSit;
                    choice(s, c.dmass[idx] / m, c.loyalty[st] * s.lambda, knows, false, pr);
                    double sur = met * pr[0];
                    double sk = met * pr[1];
                    double rest = met - sur - sk;
                    double tk = rest * alive;
                    surrendered += sur;
                    self += sk;
                    taken += tk;
                    killed += rest - tk;
                    c.keep(idx, 1 - pSit);
                    losses += met;
                }
                double nw = c.newWounded[st];
                if (nw > 0 && pLeft > 0) {
                    int wi = st * Cohorts.LIVING + Cohorts.WOUNDED;
                    double left = nw * pLeft;
                    double d = c.newWoundedDoubt[st] / nw;
                    choice(s, d, c.loyalty[st] * s.lambda, knows, true, pr);
                    double sur = left * pr[0];
                    double sk = left * pr[1];
                    double tk = (left - sur - sk) * alive;
                    double gone = Math.min(c.mass[wi], sur + sk + tk);
                    surrendered += sur;
                    self += sk;
                    taken += tk;
                    takenWounded += tk;
                    c.mass[wi] -= gone;
                    c.dmass[wi] = Math.max(0, c.dmass[wi] - gone * d);
                    c.wmass[wi] = Math.max(0, c.wmass[wi] - gone);
                }
                double mk = c.mass[idx];
                if (knows && pOpp > 0 && mk > 0) {
                    double share = pOpp * surrenderByChoice(s, c.dmass[idx] / mk, c.loyalty[st] * s.lambda);
                    byChoice += mk * share;
                    c.keep(idx, 1 - share);
                }
            }
        }
        c.absorbed[SURRENDERED] += surrendered + byChoice;
        c.absorbed[SELF] += self;
        c.absorbed[CAPTURED] += taken;
        c.absorbed[KILLED] += killed;
        s.capturedWounded += takenWounded;
        s.surrenderedByChoice += byChoice;
        s.todayTaken += surrendered + taken + byChoice;
        s.todayDeaths += self + killed;
        s.casualtyEvents += losses + byChoice;
        s.todayCasualties += losses + byChoice;
        s.todayFrontLosses += losses + byChoice;
    }
}
