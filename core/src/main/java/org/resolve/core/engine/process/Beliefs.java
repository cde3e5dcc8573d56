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
 * 7. Beliefs. Morale (a multiplier on every soldier's loyalty) falls with the day's losses at the
 * front and is pulled back toward 1 by daily indoctrination. At the front, in this order:
 * soldiers told it was training gain doubt s(1 - doubt) on their wave's first combat day; news of
 * well-treated prisoners adds n(1 - doubt); the persuasion campaign reaches each soldier with
 * probability 1 - exp(-(rL leaflets/F + rB hours + rM messengers/F)), and a reached soldier gains
 * c(1 - doubt), c the contact-weighted credibility of the channels, and learns the procedure.
 */
public final class Beliefs implements Process {
    private static final int FRONT = Status.FRONT.ordinal();

    @Override
    public String name() {
        return "beliefs";
    }

    private static void morale(Sector s) {
        double lossRate = s.frontAtStart > 0 ? s.todayFrontLosses / s.frontAtStart : 0;
        double lambda = s.lambda + s.get(Param.INDOCTRINATION_RECOVERY) * (1 - s.lambda)
                - s.get(Param.MORALE_LOSS_SENSITIVITY) * lossRate * s.lambda;
        s.lambda = Math.min(1, Math.max(0, lambda));
    }

    private static double prisoners(Sector s, double captured, double surrendered) {
        return s.prisonerNews(captured + surrendered);
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        morale(s);
        int front = a.count[FRONT];
        if (front == 0) {
            s.meanDoubtFront = 0;
            s.meanEffectiveLoyaltyFront = 0;
            return;
        }
        double[] reach = s.campaignReach(front);
        double pr = reach[0];
        double cred = reach[1];
        double news = prisoners(s, a.count[Status.CAPTURED.ordinal()], a.count[Status.SURRENDERED.ordinal()]);
        double shock = s.get(Param.DOUBT_FIRST_COMBAT);
        UniformRandomProvider rng = r.beliefs;
        double sumD = 0;
        double sumL = 0;
        int reached = 0;
        for (int i = 0; i < a.n; i++) {
            if (a.status[i] != FRONT) {
                continue;
            }
            double d = a.doubt[i];
            if ((a.flags[i] & Agents.INFORMED) == 0 && s.firstCombatDay[a.wave[i]] == s.day) {
                d += shock * (1 - d);
            }
            d += news * (1 - d);
            if (pr > 0 && rng.nextDouble() < pr) {
                d += cred * (1 - d);
                a.flags[i] |= Agents.KNOWS;
                reached++;
            }
            a.doubt[i] = (float) d;
            sumD += d;
            sumL += a.loyalty[i] * s.lambda * (1 - d);
        }
        s.reached += reached;
        s.meanDoubtFront = sumD / front;
        s.meanEffectiveLoyaltyFront = sumL / front;
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        morale(s);
        double front = 0;
        for (int st = 0; st < c.strata; st++) {
            front += c.mass[st * Cohorts.LIVING + Cohorts.FRONT];
        }
        if (front <= 0) {
            s.meanDoubtFront = 0;
            s.meanEffectiveLoyaltyFront = 0;
            return;
        }
        double[] reach = s.campaignReach(front);
        double pr = reach[0];
        double cred = reach[1];
        double news = prisoners(s, c.absorbed[Status.CAPTURED.ordinal()], c.absorbed[Status.SURRENDERED.ordinal()]);
        double shock = s.get(Param.DOUBT_FIRST_COMBAT);
        double sumD = 0;
        double sumL = 0;
        // Strata come in pairs (knows = 0, knows = 1); soldiers reached move from the first to the second.
        for (int st0 = 0; st0 < c.strata; st0 += 2) {
            int w = c.waveOf(st0);
            if (!c.active[w]) {
                continue;
            }
            int i0 = st0 * Cohorts.LIVING + Cohorts.FRONT;
            int i1 = (st0 + 1) * Cohorts.LIVING + Cohorts.FRONT;
            boolean shocked = Cohorts.informedOf(st0) == 0 && s.firstCombatDay[w] == s.day;
            // Those who already know: a share pr of them is reached again.
            double m1 = c.mass[i1];
            if (m1 > 0) {
                double d = update(c.doubt[i1], shocked, shock, news);
                c.doubt[i1] = d + pr * cred * (1 - d);
                s.reached += m1 * pr;
            }
            double m0 = c.mass[i0];
            if (m0 > 0) {
                double d = update(c.doubt[i0], shocked, shock, news);
                double moved = m0 * pr;
                c.mass[i0] = m0 - moved;
                c.doubt[i0] = d;
                if (moved > 0) {
                    c.add(i1, moved, d + cred * (1 - d));
                    s.reached += moved;
                }
            }
            int st1 = st0 + 1;
            sumD += c.mass[i0] * c.doubt[i0] + c.mass[i1] * c.doubt[i1];
            sumL += c.mass[i0] * c.loyalty[st0] * s.lambda * (1 - c.doubt[i0])
                    + c.mass[i1] * c.loyalty[st1] * s.lambda * (1 - c.doubt[i1]);
        }
        s.meanDoubtFront = sumD / front;
        s.meanEffectiveLoyaltyFront = sumL / front;
    }

    private static double update(double d, boolean shocked, double shock, double news) {
        if (shocked) {
            d += shock * (1 - d);
        }
        return d + news * (1 - d);
    }
}
