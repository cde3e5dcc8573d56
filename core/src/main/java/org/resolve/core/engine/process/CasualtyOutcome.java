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
 * 4. Casualty outcome, with one accounting of deaths: the share of casualties who die, D
 * ({@code casualty.kill_share}, killed outright plus died of wounds), is what sources report, and
 * the model never adds deaths on top of it. A share w ({@code casualty.died_of_wounds_share}) of
 * those deaths comes later, of wounds:
 * <ul>
 *   <li>today's casualties are killed outright with probability D (1 - w), otherwise wounded;</li>
 *   <li>a wounded soldier in care leaves care each day with probability 1 / {@code wounded.care_days};
 *       he then dies of his wounds with probability q = D w / (1 - D (1 - w)), so that
 *       D (1 - w) + (1 - D (1 - w)) q = D; if he lives he is sent home with
 *       {@code wounded.repatriated_share}, else returns to duty (home instead, if his tour is over).</li>
 * </ul>
 * Soldiers wounded (people) and woundings (events) are counted apart: a soldier wounded a second
 * time adds a wounding, not a wounded soldier. Today's newly wounded are listed for the capture
 * process: some cannot be evacuated and may be taken ({@link Capture}).
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

    /** @return the probability a casualty is killed outright, D (1 - w) */
    static double killedOutright(Sector s) {
        return s.get(Param.KILL_SHARE) * (1 - s.get(Param.DIED_OF_WOUNDS_SHARE));
    }

    /** @return the probability a soldier who leaves care has died of his wounds, D w / (1 - D (1 - w)) */
    static double diesOfWounds(Sector s) {
        double out = killedOutright(s);
        return out < 1 ? s.get(Param.KILL_SHARE) * s.get(Param.DIED_OF_WOUNDS_SHARE) / (1 - out) : 0;
    }

    /** @return the daily probability a wounded soldier in care leaves it, min(1, 1 / care days) */
    static double leavesCare(Sector s) {
        return Math.min(1, 1 / s.get(Param.WOUNDED_CARE_DAYS));
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        a.newWoundedCount = 0;
        if (a.count[WOUNDED] == 0) {
            return;
        }
        double kill = killedOutright(s);
        double leave = leavesCare(s);
        double die = leave * diesOfWounds(s);
        double rep = die + (leave - die) * s.get(Param.WOUNDED_REPATRIATED_SHARE);
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
                    s.woundings++;
                    if ((a.flags[i] & Agents.WOUNDED_BEFORE) == 0) {
                        a.flags[i] |= Agents.WOUNDED_BEFORE;
                        s.wounded++;
                    }
                    a.newWounded[a.newWoundedCount++] = i;
                }
            } else if (u < die) {
                a.move(i, DIED);
                s.todayDeaths++;
            } else if (u < rep) {
                a.move(i, REPATRIATED);
            } else if (u < leave) {
                boolean tourOver = s.day >= s.schedule.tourEnd[a.wave[i]];
                a.move(i, tourOver ? ROTATED : back);
                if (tourOver) {
                    s.todayRotated++;
                } else if (back == FRONT) {
                    a.joinFront(i);
                }
            }
        }
        s.casualtyEvents += fresh;
        s.todayCasualties += fresh;
        s.todayFrontLosses += fresh;
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        double kill = killedOutright(s);
        double leave = leavesCare(s);
        double q = diesOfWounds(s);
        double rep = s.get(Param.WOUNDED_REPATRIATED_SHARE);
        double die = leave * q;
        double home = leave * (1 - q) * rep;
        double ret = leave * (1 - q) * (1 - rep);
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
                    repatriated += m * home;
                    if (tourOver) {
                        rotated += m * ret;
                    } else {
                        c.mass[base + back] += m * ret;
                        c.dmass[base + back] += dm * ret;
                        c.wmass[base + back] += m * ret; // every one of them has been wounded
                    }
                    c.keep(idx, 1 - leave);
                }
                double hit = c.newCasualties[st];
                c.newWounded[st] = 0;
                c.newWoundedDoubt[st] = 0;
                if (hit > 0) {
                    fresh += hit;
                    double wounded = hit * (1 - kill);
                    c.mass[idx] += wounded;
                    c.dmass[idx] += c.newDoubt[st] * (1 - kill);
                    c.wmass[idx] += wounded;
                    c.newWounded[st] = wounded;
                    c.newWoundedDoubt[st] = c.newDoubt[st] * (1 - kill);
                    s.woundings += wounded;
                    s.wounded += (hit - c.newWoundedBefore[st]) * (1 - kill);
                    c.newCasualties[st] = 0;
                    c.newDoubt[st] = 0;
                    c.newWoundedBefore[st] = 0;
                }
            }
        }
        c.absorbed[DIED] += died;
        c.absorbed[REPATRIATED] += repatriated;
        c.absorbed[ROTATED] += rotated;
        c.absorbed[KILLED] += fresh * kill;
        s.todayDeaths += died + fresh * kill;
        s.todayRotated += rotated;
        s.casualtyEvents += fresh;
        s.todayCasualties += fresh;
        s.todayFrontLosses += fresh;
    }
}
