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
 * 3. Attrition: Lanchester force-on-force in the sector, solved exactly over the day with the
 * scenario's law. The opponent's coefficient is a x intensity x exposure x mean vulnerability of
 * the front; the deployed force's is b x intensity x equipment x intelligence x (floor + (1 -
 * floor) x communication) x mean terrain knowledge of the front x (1 + resolve weight x mean
 * effective loyalty of today's front) x claimed multiplier. Coefficients are in square-law units;
 * the linear and logarithmic laws are matched to the square law at the reference state (see
 * {@link AttritionLaw#scaleA}). The day's expected casualties C are shared across front soldiers
 * in proportion to vulnerability: soldier i is hit with probability C v_i / sum(v), so the
 * per-soldier hazards add up exactly to the aggregate flow. The opponent then makes good a share
 * of its losses.
 */
public final class Attrition implements Process {
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int WOUNDED = Status.WOUNDED.ordinal();

    @Override
    public String name() {
        return "attrition";
    }

    /**
     * Computes the day's expected casualties from the front's make-up by wave.
     *
     * @param s the sector
     * @param frontByWave soldiers at the front per wave
     * @param front their total
     * @param effectiveLoyalty the sum over them of loyalty x morale x (1 - doubt)
     */
    static void engage(Sector s, double[] frontByWave, double front, double effectiveLoyalty) {
        double a = s.get(Param.OPPONENT_LETHALITY);
        double b = s.get(Param.OWN_LETHALITY);
        double sumV = 0;
        double sumT = 0;
        for (int w = 0; w < frontByWave.length; w++) {
            sumV += frontByWave[w] * s.vulnerability[w];
            sumT += frontByWave[w] * s.terrain[w];
        }
        double meanV = sumV / front;
        double meanT = sumT / front;
        double floor = s.get(Param.EFFECT_COMMUNICATION_FLOOR);
        double eff = s.get(Param.EFFECT_EQUIPMENT) * s.get(Param.EFFECT_INTELLIGENCE)
                * (floor + (1 - floor) * s.communication) * meanT
                * (1 + s.get(Param.EFFECT_RESOLVE_WEIGHT) * effectiveLoyalty / front)
                * s.get(Param.EFFECT_CLAIMED_MULTIPLIER);
        double aEff = a * s.intensity * s.exposure * meanV;
        double bEff = b * s.intensity * eff;
        double[] out = s.scratchLaw;
        AttritionLaw law = s.scenario.attritionLaw();
        // Coefficients are given in square-law units; the other laws are matched to the square law
        // at the reference state (the planned force against the opponent's initial strength).
        double bRef = Math.max(1, s.schedule.plannedTotal);
        double uRef = Math.max(1, s.opponent0);
        law.step(front, s.opponent, law.scaleA(aEff, bRef, uRef), law.scaleB(bEff, bRef, uRef), 1.0, out);
        double casualties = Math.max(0, front - out[0]);
        double opponentLosses = Math.max(0, s.opponent - out[1]);
        s.opponentCasualties += opponentLosses;
        s.opponent = out[1] + s.get(Param.OPPONENT_REPLENISHMENT) * Math.max(0, s.opponent0 - out[1]);
        s.expectedCasualties = casualties;
        s.meanVulnerability = meanV;
    }

    static void replenishOnly(Sector s) {
        s.opponent += s.get(Param.OPPONENT_REPLENISHMENT) * Math.max(0, s.opponent0 - s.opponent);
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        int front = a.count[FRONT];
        if (!s.engaged || front == 0) {
            replenishOnly(s);
            return;
        }
        double[] byWave = s.scratchByWave;
        for (int w = 0; w < byWave.length; w++) {
            byWave[w] = a.frontByWave[w];
        }
        int[] list = a.front;
        int n = a.frontCount;
        double leff = 0;
        for (int k = 0; k < n; k++) {
            int i = list[k];
            if (a.status[i] == FRONT) {
                leff += a.loyalty[i] * (1 - a.doubt[i]);
            }
        }
        engage(s, byWave, front, s.lambda * leff);
        // p_i = C v_i / sum(v) = C v_i / (F meanV). Soldiers hit are found by exact geometric
        // skips at the largest p_i over the waves at the front, each candidate accepted with
        // p_i / p_max (thinning): the same distribution as one draw per soldier, far fewer draws.
        double scale = s.expectedCasualties / (front * s.meanVulnerability);
        double vMax = 0;
        for (int w = 0; w < byWave.length; w++) {
            if (byWave[w] > 0) {
                vMax = Math.max(vMax, s.vulnerability[w]);
            }
        }
        double pMax = Math.min(1, scale * vMax);
        if (pMax <= 0) {
            return;
        }
        UniformRandomProvider rng = r.attrition;
        if (r.perSoldier) {
            // The straightforward reference: one draw per front soldier at his own p_i.
            for (int k = 0; k < n; k++) {
                int i = list[k];
                if (a.status[i] == FRONT && rng.nextDouble() < Math.min(1, scale * s.vulnerability[a.wave[i]])) {
                    a.move(i, WOUNDED);
                    a.flags[i] |= Agents.NEW_CASUALTY;
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
            double pi = Math.min(1, scale * s.vulnerability[a.wave[i]]);
            if (pi >= pMax || rng.nextDouble() * pMax < pi) {
                a.move(i, WOUNDED);
                a.flags[i] |= Agents.NEW_CASUALTY;
            }
        }
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        double[] byWave = s.scratchByWave;
        java.util.Arrays.fill(byWave, 0);
        double front = 0;
        double leff = 0;
        int step = c.step();
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            double sum = 0;
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                int idx = st * Cohorts.LIVING + Cohorts.FRONT;
                sum += c.mass[idx];
                leff += c.loyalty[st] * (c.mass[idx] - c.dmass[idx]);
            }
            byWave[w] = sum;
            front += sum;
        }
        if (!s.engaged || front <= 0) {
            replenishOnly(s);
            return;
        }
        engage(s, byWave, front, s.lambda * leff);
        double scale = s.expectedCasualties / (front * s.meanVulnerability);
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            double f = Math.min(1, scale * s.vulnerability[w]);
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                int idx = st * Cohorts.LIVING + Cohorts.FRONT;
                double m = c.mass[idx];
                if (m <= 0) {
                    continue;
                }
                double hit = m * f;
                double hitD = c.dmass[idx] * f;
                c.mass[idx] = m - hit;
                c.dmass[idx] -= hitD;
                c.newCasualties[st] = hit;
                c.newDoubt[st] = hitD;
            }
        }
    }
}
