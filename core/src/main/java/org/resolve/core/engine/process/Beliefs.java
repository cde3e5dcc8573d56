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
 * 7. Beliefs, bounded by access, credibility and counter-messaging. Morale (a multiplier on every
 * soldier's loyalty) falls with the day's losses at the front and is pulled back toward 1 by daily
 * indoctrination. In the sector, in this order:
 * <ol>
 *   <li>soldiers told it was training gain doubt s(1 - doubt) on their wave's first combat day;</li>
 *   <li>news of well-treated prisoners adds n(1 - doubt);</li>
 *   <li>the campaign reaches a soldier with probability
 *       access x (1 - exp(-(rL leaflets / F + rB hours + rM messengers / F))): only the share
 *       {@code campaign.access} can be reached at all (no phones; leaflets collected), and more
 *       leaflets or messengers saturate; a reached soldier gains c(1 - doubt), with c the channels'
 *       contact-weighted credibility times exp(-days of campaign / {@code campaign.fatigue_days})
 *       (message fatigue), and learns the procedure with {@code campaign.procedure_learned};</li>
 *   <li>political officers pull doubt back toward its initial level d0: doubt becomes
 *       d0 + (1 - r)(doubt - d0), r = {@code counter_messaging.per_day}.</li>
 * </ol>
 * So under a steady campaign doubt settles where reach x credibility balances counter-messaging,
 * below 1, and falls back when the campaign tires. Every update is affine in a soldier's doubt, so
 * the aggregate mode carries it exactly on doubt mass. Doubt acts on surrender and self-killing
 * ({@link Capture}), desertion ({@link Desertion}) and exposure ({@link Attrition}).
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

    /**
     * Sets today's campaign reach: the probability that a soldier in the sector is reached, and the
     * contact's credibility after message fatigue.
     *
     * @param s the sector
     * @param front soldiers in the sector, > 0
     */
    static void campaignReach(Sector s, double front) {
        s.reachProbability = 0;
        s.reachCredibility = 0;
        int start = s.schedule.campaignStart;
        if (s.day < start || front <= 0) {
            return;
        }
        double leaflets = s.get(Param.CAMPAIGN_LEAFLET_REACH) * s.get(Param.CAMPAIGN_LEAFLETS) / front;
        double broadcast = s.get(Param.CAMPAIGN_BROADCAST_REACH) * s.get(Param.CAMPAIGN_BROADCAST_HOURS);
        double messengers = s.get(Param.CAMPAIGN_MESSENGER_REACH) * s.get(Param.CAMPAIGN_MESSENGERS) / front;
        double total = leaflets + broadcast + messengers;
        if (total <= 0) {
            return;
        }
        double fatigue = StrictMath.exp(-(s.day - start) / s.get(Param.CAMPAIGN_FATIGUE_DAYS));
        s.reachCredibility = fatigue * (leaflets * s.get(Param.CREDIBILITY_LEAFLET) + broadcast * s.get(Param.CREDIBILITY_BROADCAST)
                + messengers * s.get(Param.CREDIBILITY_MESSENGER)) / total;
        s.reachProbability = s.get(Param.CAMPAIGN_ACCESS) * -StrictMath.expm1(-total);
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
        campaignReach(s, front);
        double pr = s.reachProbability;
        double cred = s.reachCredibility;
        double learn = s.get(Param.CAMPAIGN_PROCEDURE_LEARNED);
        double d0 = s.get(Param.DOUBT_INITIAL);
        double keep = 1 - s.get(Param.COUNTER_MESSAGING);
        double news = prisoners(s, a.count[Status.CAPTURED.ordinal()], a.count[Status.SURRENDERED.ordinal()]);
        double shock = s.get(Param.DOUBT_FIRST_COMBAT);
        UniformRandomProvider rng = r.beliefs;
        double sumD = 0;
        double sumL = 0;
        int reached = 0;
        int[] list = a.front;
        int n = a.frontCount;
        boolean anyFirstCombat = false;
        for (int w = 0; w < s.schedule.waves; w++) {
            anyFirstCombat |= s.firstCombatDay[w] == s.day;
        }
        // Contacts by exact geometric skips over the front soldiers (one draw per contact, not
        // per soldier); the reference draws once per soldier.
        Trials reach = new Trials(rng, pr, r.perSoldier);
        for (int k = 0; k < n; k++) {
            int i = list[k];
            if (a.status[i] != FRONT) {
                continue;
            }
            double d = a.doubt[i];
            if (anyFirstCombat && (a.flags[i] & Agents.INFORMED) == 0 && s.firstCombatDay[a.wave[i]] == s.day) {
                d += shock * (1 - d);
            }
            d += news * (1 - d);
            if (reach.next()) {
                d += cred * (1 - d);
                if (rng.nextDouble() < learn) {
                    a.learnProcedure(i);
                }
                reached++;
            }
            d = d0 + keep * (d - d0);
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
        int step = c.step();
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                front += c.mass[st * Cohorts.LIVING + Cohorts.FRONT];
            }
        }
        if (front <= 0) {
            s.meanDoubtFront = 0;
            s.meanEffectiveLoyaltyFront = 0;
            return;
        }
        campaignReach(s, front);
        double pr = s.reachProbability;
        double cred = s.reachCredibility;
        double learn = s.get(Param.CAMPAIGN_PROCEDURE_LEARNED);
        double d0 = s.get(Param.DOUBT_INITIAL);
        double keep = 1 - s.get(Param.COUNTER_MESSAGING);
        double news = prisoners(s, c.absorbed[Status.CAPTURED.ordinal()], c.absorbed[Status.SURRENDERED.ordinal()]);
        double shock = s.get(Param.DOUBT_FIRST_COMBAT);
        if (pr > 0) {
            c.anyKnows = true;
        }
        double sumD = 0;
        double sumL = 0;
        // Strata come in pairs (knows = 0, knows = 1); soldiers reached move from the first to the second.
        // Doubt updates are affine in each soldier's doubt, so on doubt mass dm = m x mean doubt:
        // d + x(1 - d) becomes dm + x(m - dm).
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            boolean firstCombat = s.firstCombatDay[w] == s.day;
            for (int st0 = w * c.perWave; st0 < (w + 1) * c.perWave; st0 += 2) {
                int i0 = st0 * Cohorts.LIVING + Cohorts.FRONT;
                int i1 = i0 + Cohorts.LIVING;
                boolean shocked = firstCombat && Cohorts.informedOf(st0) == 0;
                double m1 = c.mass[i1];
                if (m1 > 0) {
                    double dm = affine(c.dmass[i1], m1, shocked, shock, news);
                    dm += pr * cred * (m1 - dm);
                    c.dmass[i1] = d0 * m1 + keep * (dm - d0 * m1);
                    s.reached += m1 * pr;
                }
                double m0 = c.mass[i0];
                if (m0 > 0) {
                    double dm = affine(c.dmass[i0], m0, shocked, shock, news);
                    if (pr > 0) {
                        // Reached: pr of them, doubt d + c(1 - d); of those, a share learn the
                        // procedure and move to the knows stratum with their doubt.
                        double reachedD = pr * (dm + cred * (m0 - dm));
                        double moved = m0 * pr * learn;
                        double movedD = reachedD * learn;
                        double movedW = c.wmass[i0] * pr * learn;
                        c.mass[i1] += moved;
                        c.dmass[i1] += d0 * moved + keep * (movedD - d0 * moved);
                        c.wmass[i1] += movedW;
                        double stay = m0 - moved;
                        double stayD = (1 - pr) * dm + reachedD * (1 - learn);
                        c.mass[i0] = stay;
                        c.dmass[i0] = d0 * stay + keep * (stayD - d0 * stay);
                        c.wmass[i0] -= movedW;
                        s.reached += m0 * pr;
                    } else {
                        c.dmass[i0] = d0 * m0 + keep * (dm - d0 * m0);
                    }
                }
                double l0 = c.loyalty[st0];
                sumD += c.dmass[i0] + c.dmass[i1];
                sumL += l0 * (c.mass[i0] - c.dmass[i0]) + c.loyalty[st0 + 1] * (c.mass[i1] - c.dmass[i1]);
            }
        }
        s.meanDoubtFront = sumD / front;
        s.meanEffectiveLoyaltyFront = s.lambda * sumL / front;
    }

    private static double affine(double dm, double m, boolean shocked, double shock, double news) {
        if (shocked) {
            dm += shock * (m - dm);
        }
        return dm + news * (m - dm);
    }
}
