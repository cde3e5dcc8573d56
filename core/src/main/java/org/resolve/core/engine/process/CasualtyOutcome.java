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
        int back = s.engaged ? Cohorts.FRONT : Cohorts.RESERVE;
        double fresh = 0;
        for (int st = 0; st < c.strata; st++) {
            int base = st * Cohorts.LIVING;
            int idx = base + Cohorts.WOUNDED;
            double m = c.mass[idx];
            if (m > 0) {
                double d = c.doubt[idx];
                double died = m * die;
                double returned = m * ret;
                double repatriated = m * rep;
                c.mass[idx] = m - died - returned - repatriated;
                c.absorbed[DIED] += died;
                s.todayDeaths += died;
                c.absorbed[REPATRIATED] += repatriated;
                if (s.day >= s.schedule.tourEnd[c.waveOf(st)]) {
                    c.absorbed[ROTATED] += returned;
                    s.todayRotated += returned;
                } else {
                    c.add(base + back, returned, d);
                }
            }
            double hit = c.newCasualties[st];
            if (hit > 0) {
                double d = c.doubt[base + Cohorts.FRONT];
                c.absorbed[KILLED] += hit * kill;
                s.todayDeaths += hit * kill;
                s.wounded += hit * (1 - kill);
                c.add(idx, hit * (1 - kill), d);
                fresh += hit;
                c.newCasualties[st] = 0;
            }
        }
        s.casualtyEvents += fresh;
        s.todayCasualties += fresh;
        s.todayFrontLosses += fresh;
    }
}
