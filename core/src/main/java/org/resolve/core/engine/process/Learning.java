package org.resolve.core.engine.process;

import org.resolve.core.engine.Agents;
import org.resolve.core.engine.Cohorts;
import org.resolve.core.engine.Process;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Sector;
import org.resolve.core.model.Param;
import org.resolve.core.model.Status;

/**
 * 8. Learning. Each wave in the sector gains a combat day on every engaged day (holding, assault or
 * rear duty); its counter-drone skill and terrain knowledge grow with them ({@link #learnCombat}) and
 * cut its hazard in attrition. Host-language terms grow with days in theatre; comprehension =
 * min(1, terms / terms needed); the communication share = interpreter coverage + (1 - coverage) x
 * comprehension, averaged over the soldiers at the front or in reserve (it sets tomorrow's
 * effectiveness). Friendly-fire
 * incidents occur on fighting days at rate incidents_per_day x (1 - communication) x intensity, each killing the
 * stated number of host soldiers.
 */
public final class Learning implements Process {
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int RESERVE = Status.RESERVE.ordinal();

    @Override
    public String name() {
        return "learning";
    }

    private static double update(Sector s, double[] byWave) {
        double cov = s.interpreterCoverage();
        double total = 0;
        double comm = 0;
        for (int w = 0; w < byWave.length; w++) {
            if (byWave[w] > 0) {
                total += byWave[w];
                comm += byWave[w] * (cov + (1 - cov) * s.comprehension[w]);
            }
            if (s.engaged && s.sent[w] > 0 && s.day >= s.schedule.ready[w] && s.day < s.schedule.tourEnd[w]) {
                s.combatDays[w]++;
                learnCombat(s, w);
            }
        }
        if (total > 0) {
            s.communication = comm / total;
        }
        return s.engaged && s.posture.fights() ? s.get(Param.FRIENDLY_FIRE_RATE) * (1 - s.communication) * s.intensity : 0;
    }

    /**
     * A wave's skills after its combat days: counter-drone skill 1 - exp(-days / drone learning
     * days), terrain knowledge from {@code effect.terrain_initial} toward 1 with its own e-folding.
     *
     * @param s the sector
     * @param w the wave
     */
    static void learnCombat(Sector s, int w) {
        double days = s.combatDays[w];
        s.droneSkill[w] = -StrictMath.expm1(-days / s.get(Param.EFFECT_DRONE_LEARNING_DAYS));
        double ti = s.get(Param.EFFECT_TERRAIN_INITIAL);
        s.terrain[w] = ti + (1 - ti) * -StrictMath.expm1(-days / s.get(Param.EFFECT_TERRAIN_LEARNING_DAYS));
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        double[] byWave = s.scratchByWave;
        for (int w = 0; w < byWave.length; w++) {
            byWave[w] = a.frontByWave[w] + a.reserveByWave[w];
        }
        double rate = update(s, byWave);
        if (rate > 0 && a.count[FRONT] > 0) {
            int k = RunStreams.poisson(r.learning, rate);
            s.ffIncidents += k;
            s.ffHostKilled += k * s.get(Param.FRIENDLY_FIRE_KILLED);
        }
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        double[] byWave = s.scratchByWave;
        java.util.Arrays.fill(byWave, 0);
        double front = 0;
        int step = c.step();
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            double sum = 0;
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                int base = st * Cohorts.LIVING;
                sum += c.mass[base + Cohorts.FRONT] + c.mass[base + Cohorts.RESERVE];
                front += c.mass[base + Cohorts.FRONT];
            }
            byWave[w] = sum;
        }
        double rate = update(s, byWave);
        if (rate > 0 && front > 0) {
            s.ffIncidents += rate;
            s.ffHostKilled += rate * s.get(Param.FRIENDLY_FIRE_KILLED);
        }
    }
}
