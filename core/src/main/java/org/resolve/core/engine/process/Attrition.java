package org.resolve.core.engine.process;

import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.core.engine.Agents;
import org.resolve.core.engine.AttritionLaw;
import org.resolve.core.engine.Cohorts;
import org.resolve.core.engine.Process;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Sector;
import org.resolve.core.engine.Trials;
import org.resolve.core.model.Param;
import org.resolve.core.model.Status;

/**
 * 3. Attrition by exposure: the opponent's fire falls on the soldiers in the sector in proportion to
 * how exposed each is, and the deployed force's fire on the opponent, solved exactly over the day
 * with the scenario's Lanchester law.
 *
 * <p><b>Exposure.</b> A soldier of wave w carries the hazard multiplier
 * <pre>
 *   x_w = posture exposure x vulnerability(unit type) x (1 - drone_countermeasure_max x drone skill_w)
 *         x equipment^-eE x intelligence^-eI x (floor + (1 - floor) x communication_w)^-eC x terrain_w^-eT
 * </pre>
 * Posture exposure is {@code effect.assault_exposure} in an assault, 1 holding the line and
 * {@code exposure.rear} on rear or engineering duty. Capabilities are on a scale where 1 is a
 * well-supported force that knows the ground and understands its commands; each {@code e} is the
 * hazard's elasticity to that capability (a 10% better capability cuts the hazard by about e x 10%).
 * Drone skill and terrain knowledge grow with a wave's combat days, communication with the language
 * its soldiers learn and the interpreters they have ({@link Learning}).
 *
 * <p><b>The opponent's fire.</b> With x̄ the front's mean multiplier and I the day's intensity, an
 * exposed soldier's hazard at the reference state (the opponent at its full strength U0,
 * {@code attrition.reference_force} soldiers exposed) is h I x̄, h = {@code attrition.hazard}; the law
 * sets how it changes away from it ({@link AttritionLaw#opponentCoefficient}): under the linear law
 * (area fire, kursk-2024's) it is h I x̄ U / U0 for every soldier exposed, so more soldiers exposed for
 * longer means proportionally more losses, and a weakened opponent fires less. Nothing is scaled by
 * the size of the deployed force.
 *
 * <p><b>The deployed force's fire</b> (holding and assault only: rear duty does not fight): one soldier
 * inflicts g I e casualties a day at the reference state, g = {@code attrition.own_kill_rate},
 * e = equipment x intelligence x (floor + (1 - floor) x communication) x mean terrain knowledge x
 * (1 + resolve weight x mean effective loyalty) x the claimed multiplier.
 *
 * <p><b>The opponent is bounded.</b> It starts at U0 and makes good a share
 * ({@code attrition.opponent_replenishment}) of its deficit each day only while its reserve
 * ({@code attrition.opponent_reserve}, the replenishment limit) lasts, so the casualties it can take
 * never exceed U0 plus that reserve.
 *
 * <p><b>Shirking.</b> A soldier who doubts keeps his head down: his exposure is x_w (1 - s doubt),
 * s = {@code shirking.doubt}, and x̄ is the mean over the soldiers in the sector of that.
 *
 * <p><b>From the day's loss to soldiers.</b> The law gives the share q of the front lost today;
 * soldier i is hit with probability q x_w(i) (1 - s doubt_i) / x̄, so per-soldier hazards add up
 * exactly to the aggregate flow, and the less exposed are hit less.
 */
public final class Attrition implements Process {
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int WOUNDED = Status.WOUNDED.ordinal();

    @Override
    public String name() {
        return "attrition";
    }

    /**
     * Sets the hazard multiplier x_w for today of each wave in the sector into {@code s.exposureByWave}.
     *
     * @param s the sector, after posture and learning of the previous day
     * @param frontByWave soldiers in the sector per wave (waves with none get 0)
     */
    static void exposure(Sector s, double[] frontByWave) {
        double floor = s.get(Param.EFFECT_COMMUNICATION_FLOOR);
        double cov = s.interpreterCoverage();
        double dcMax = s.get(Param.EFFECT_DRONE_COUNTERMEASURE_MAX);
        if (Double.isNaN(s.equipmentIntelligenceFactor)) {
            s.equipmentIntelligenceFactor = capability(s.get(Param.EFFECT_EQUIPMENT), s.get(Param.ELASTICITY_EQUIPMENT))
                    * capability(s.get(Param.EFFECT_INTELLIGENCE), s.get(Param.ELASTICITY_INTELLIGENCE));
        }
        double common = s.exposure * s.equipmentIntelligenceFactor;
        double eC = s.get(Param.ELASTICITY_COMMUNICATION);
        double eT = s.get(Param.ELASTICITY_TERRAIN);
        double[] x = s.exposureByWave;
        for (int w = 0; w < x.length; w++) {
            if (frontByWave[w] <= 0) {
                x[w] = 0; // nobody of this wave in the sector today: never read
                continue;
            }
            double comm = cov + (1 - cov) * s.comprehension[w];
            // c^-eC t^-eT as one exponential: two logarithms and an exponential instead of two powers.
            double learned = eC == 0 && eT == 0 ? 1
                    : StrictMath.exp(-eC * StrictMath.log(Math.max(floor + (1 - floor) * comm, 1e-6))
                            - eT * StrictMath.log(Math.max(s.terrain[w], 1e-6)));
            x[w] = common * s.p[s.schedule.type[w].vulnerability().ordinal()] * (1 - dcMax * s.droneSkill[w]) * learned;
        }
    }

    /**
     * The hazard multiplier of one capability: c^-e, with c on a scale where 1 is the reference.
     *
     * @param c the capability, > 0 (a capability of 0 would make the hazard infinite; it is held at 1e-6)
     * @param elasticity e, >= 0
     * @return c^-e
     */
    static double capability(double c, double elasticity) {
        if (elasticity == 0) {
            return 1;
        }
        return StrictMath.pow(Math.max(c, 1e-6), -elasticity);
    }

    /**
     * Solves the day's engagement from the front's make-up by wave: sets today's expected casualties,
     * the mean exposure and the opponent's new strength.
     *
     * @param s the sector
     * @param frontByWave soldiers in the sector per wave
     * @param doubtByWave the sum of their doubt per wave
     * @param front their total, > 0
     * @param effectiveLoyalty the sum over them of loyalty x morale x (1 - doubt)
     */
    static void engage(Sector s, double[] frontByWave, double[] doubtByWave, double front, double effectiveLoyalty) {
        exposure(s, frontByWave);
        double shirk = s.get(Param.SHIRKING_DOUBT);
        double sumX = 0;
        double sumT = 0;
        for (int w = 0; w < frontByWave.length; w++) {
            sumX += (frontByWave[w] - shirk * doubtByWave[w]) * s.exposureByWave[w];
            sumT += frontByWave[w] * s.terrain[w];
        }
        double meanX = sumX / front;
        double meanT = sumT / front;
        double floor = s.get(Param.EFFECT_COMMUNICATION_FLOOR);
        double eff = s.get(Param.EFFECT_EQUIPMENT) * s.get(Param.EFFECT_INTELLIGENCE)
                * (floor + (1 - floor) * s.communication) * meanT
                * (1 + s.get(Param.EFFECT_RESOLVE_WEIGHT) * effectiveLoyalty / front)
                * s.get(Param.EFFECT_CLAIMED_MULTIPLIER);
        double fights = s.posture.fights() ? 1 : 0;
        double hazard = s.get(Param.HAZARD) * s.intensity * meanX;
        double killRate = s.get(Param.OWN_KILL_RATE) * s.intensity * eff * fights;
        AttritionLaw law = s.scenario.attritionLaw();
        double ref = s.get(Param.REFERENCE_FORCE);
        double[] out = s.scratchLaw;
        law.step(front, s.opponent, law.opponentCoefficient(hazard, ref, s.opponent0),
                law.ownCoefficient(killRate, ref, s.opponent0), 1.0, out);
        double casualties = Math.min(front, Math.max(0, front - out[0]));
        double opponentLosses = Math.max(0, s.opponent - out[1]);
        s.opponentCasualties += opponentLosses;
        s.opponent = Math.max(0, out[1]);
        replenish(s);
        s.expectedCasualties = casualties;
        s.meanExposure = meanX;
        s.frontHazard = casualties / front;
    }

    /**
     * The opponent makes good a share of its deficit, within what its reserve still holds.
     *
     * @param s the sector
     */
    static void replenish(Sector s) {
        double add = Math.min(s.get(Param.OPPONENT_REPLENISHMENT) * Math.max(0, s.opponent0 - s.opponent),
                s.opponentReserve);
        if (add > 0) {
            s.opponent += add;
            s.opponentReserve -= add;
            s.opponentReplenished += add;
        }
    }

    /**
     * @param s the sector after {@link #engage}
     * @param w a wave
     * @param doubt the soldier's doubt
     * @return today's probability that a soldier of wave w in the sector with this doubt is hit, in [0, 1]
     */
    static double hitProbability(Sector s, int w, double doubt) {
        return s.meanExposure > 0 ? Math.min(1, s.frontHazard * s.exposureByWave[w]
                * (1 - s.get(Param.SHIRKING_DOUBT) * doubt) / s.meanExposure) : 0;
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        int front = a.count[FRONT];
        s.frontHazard = 0;
        if (!s.engaged || front == 0) {
            replenish(s);
            return;
        }
        double[] byWave = s.scratchByWave;
        double[] doubtByWave = s.scratchDoubtByWave;
        for (int w = 0; w < byWave.length; w++) {
            byWave[w] = a.frontByWave[w];
            doubtByWave[w] = 0;
        }
        int[] list = a.front;
        int n = a.frontCount;
        double leff = 0;
        for (int k = 0; k < n; k++) {
            int i = list[k];
            if (a.status[i] == FRONT) {
                double d = a.doubt[i];
                leff += a.loyalty[i] * (1 - d);
                doubtByWave[a.wave[i]] += d;
            }
        }
        engage(s, byWave, doubtByWave, front, s.lambda * leff);
        // Soldiers hit are found by exact geometric skips at the largest p_w over the waves in the
        // sector, each candidate accepted with p_w / p_max (thinning): the same distribution as one
        // draw per soldier, far fewer draws.
        double pMax = 0;
        for (int w = 0; w < byWave.length; w++) {
            if (byWave[w] > 0) {
                pMax = Math.max(pMax, hitProbability(s, w, 0));
            }
        }
        if (pMax <= 0) {
            return;
        }
        UniformRandomProvider rng = r.attrition;
        if (r.perSoldier) {
            // The straightforward reference: one draw per soldier in the sector at his own p_w.
            for (int k = 0; k < n; k++) {
                int i = list[k];
                if (a.status[i] == FRONT && rng.nextDouble() < hitProbability(s, a.wave[i], a.doubt[i])) {
                    hit(a, i);
                }
            }
            return;
        }
        Trials hits = new Trials(rng, pMax);
        for (int k = hits.next(0, n); k < n; k = hits.next(k + 1, n)) {
            int i = list[k];
            if (a.status[i] != FRONT) {
                continue;
            }
            double pi = hitProbability(s, a.wave[i], a.doubt[i]);
            if (pi >= pMax || rng.nextDouble() * pMax < pi) {
                hit(a, i);
            }
        }
    }

    private static void hit(Agents a, int i) {
        a.move(i, WOUNDED);
        a.flags[i] |= Agents.NEW_CASUALTY;
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        double[] byWave = s.scratchByWave;
        double[] doubtByWave = s.scratchDoubtByWave;
        java.util.Arrays.fill(byWave, 0);
        java.util.Arrays.fill(doubtByWave, 0);
        double front = 0;
        double leff = 0;
        int step = c.step();
        s.frontHazard = 0;
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            double sum = 0;
            double doubt = 0;
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                int idx = st * Cohorts.LIVING + Cohorts.FRONT;
                sum += c.mass[idx];
                doubt += c.dmass[idx];
                leff += c.loyalty[st] * (c.mass[idx] - c.dmass[idx]);
            }
            byWave[w] = sum;
            doubtByWave[w] = doubt;
            front += sum;
        }
        if (!s.engaged || front <= 0) {
            replenish(s);
            return;
        }
        engage(s, byWave, doubtByWave, front, s.lambda * leff);
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                int idx = st * Cohorts.LIVING + Cohorts.FRONT;
                double m = c.mass[idx];
                if (m <= 0) {
                    continue;
                }
                double f = hitProbability(s, w, c.dmass[idx] / m);
                c.newCasualties[st] = m * f;
                c.newDoubt[st] = c.dmass[idx] * f;
                c.newWoundedBefore[st] = c.wmass[idx] * f;
                c.keep(idx, 1 - f);
            }
        }
    }
}
