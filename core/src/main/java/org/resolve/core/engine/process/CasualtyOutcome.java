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
 * 4. Casualty outcome. First the wounded already in care: each day one dies of wounds, returns to
 * duty (home instead, if his tour is over) or is repatriated, with competing daily probabilities.
 * Then today's casualties: killed outright with the kill share, otherwise wounded.
 */
public final class CasualtyOutcome implements Process {
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int RESERVE = Status.RESERVE.ordinal();
    private static final int WOUNDED = Status.WOUNDED.ordinal();
    private static final int KILLED = Status.KILLED.ordinal();
    private static final int DIED = Status.DIED_OF_WOUNDS.ordinal();
    private static final int REPATRIATED = Status.REPATRIATED_WOUNDED.ordinal();
    private static final int ROTATED = Status.ROTATED_HOME.ordinal();

    @Override
    public String name() {
        return "casualty outcome";
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        if (a.count[WOUNDED] == 0) {
            return;
        }
        double kill = s.get(Param.KILL_SHARE);
        double die = s.get(Param.WOUNDED_DIED_PER_DAY);
        double ret = die + s.get(Param.WOUNDED_RETURN_PER_DAY);
        double rep = ret + s.get(Param.WOUNDED_REPATRIATE_PER_DAY);
        int back = s.engaged ? FRONT : RESERVE;
        UniformRandomProvider rng = r.casualty;
        int fresh = 0;
        for (int i = 0; i < a.n; i++) {
            if (a.status[i] != WOUNDED) {
                continue;
            }
            double u = rng.nextDouble();
            if ((a.flags[i] & Agents.NEW_CASUALTY) != 0) {
                a.flags[i] &= ~Agents.NEW_CASUALTY;
                fresh++;
                if (u < kill) {
                    a.move(i, KILLED);
                    s.todayDeaths++;
                } else {
                    s.wounded++;
                }
            } else if (u < die) {
                a.move(i, DIED);
                s.todayDeaths++;
            } else if (u < ret) {
                boolean tourOver = s.day >= s.schedule.tourEnd[a.wave[i]];
                a.move(i, tourOver ? ROTATED : back);
                if (tourOver) {
                    s.todayRotated++;
                } else if (back == FRONT) {
                    a.joinFront(i);
                }
            } else if (u < rep) {
                a.move(i, REPATRIATED);
            }
        }
        s.casualtyEvents += fresh;
        s.todayCasualties += fresh;
        s.todayFrontLosses += fresh;
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        double kill = s.get(Param.KILL_SHARE);
        double die = s.get(Param.WOUNDED_DIED_PER_DAY);
        double ret = s.get(Param.WOUNDED_RETURN_PER_DAY);
        double rep = s.get(Param.WOUNDED_REPATRIATE_PER_DAY);
        double stay = 1 - die - ret - rep;
        int back = s.engaged ? Cohorts.FRONT : Cohorts.RESERVE;
        double fresh = 0;
        double died = 0;
        double repatriated = 0;
        double rotated = 0;
        int step = c.step();
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            boolean tourOver = s.day >= s.schedule.tourEnd[w];
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                int base = st * Cohorts.LIVING;
                int idx = base + Cohorts.WOUNDED;
                double m = c.mass[idx];
                if (m > 0) {
                    double dm = c.dmass[idx];
                    died += m * die;
                    repatriated += m * rep;
                    if (tourOver) {
                        rotated += m * ret;
                    } else {
                        c.mass[base + back] += m * ret;
                        c.dmass[base + back] += dm * ret;
                    }
                    c.mass[idx] = m * stay;
                    c.dmass[idx] = dm * stay;
                }
                double hit = c.newCasualties[st];
                if (hit > 0) {
                    fresh += hit;
                    c.mass[idx] += hit * (1 - kill);
                    c.dmass[idx] += c.newDoubt[st] * (1 - kill);
                    c.newCasualties[st] = 0;
                    c.newDoubt[st] = 0;
                }
            }
        }
        c.absorbed[DIED] += died;
        c.absorbed[REPATRIATED] += repatriated;
        c.absorbed[ROTATED] += rotated;
        c.absorbed[KILLED] += fresh * kill;
        s.todayDeaths += died + fresh * kill;
        s.todayRotated += rotated;
        s.wounded += fresh * (1 - kill);
        s.casualtyEvents += fresh;
        s.todayCasualties += fresh;
        s.todayFrontLosses += fresh;
    }
}
