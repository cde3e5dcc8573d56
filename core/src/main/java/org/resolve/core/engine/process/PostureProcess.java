package org.resolve.core.engine.process;

import org.resolve.core.engine.Agents;
import org.resolve.core.engine.Cohorts;
import org.resolve.core.engine.Process;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Schedule;
import org.resolve.core.engine.Sector;
import org.resolve.core.model.Param;
import org.resolve.core.model.Posture;
import org.resolve.core.model.Status;

/**
 * 2. Posture: the operations calendar sets the day's posture, intensity and exposure (its phases of
 * uncertain length end on the run's draw; beyond the knowledge date, a calendar with no forecast of
 * its own gives way to a forecast mix), unless heavy recent losses have withdrawn the force to
 * refit. Engaged postures (holding, assault, rear duty) put every ready soldier in the sector
 * (status FRONT); the others hold them in reserve. A wave's first engaged day is its first combat.
 *
 * <p>The withdrawal rule (endogenous pull-back): each morning yesterday's front losses (casualties,
 * captures, desertions) and yesterday's front strength enter a window of the last
 * {@code withdrawal.window_days} days; when the losses in the window exceed
 * {@code withdrawal.loss_threshold} of the largest front strength in it, the force is withdrawn
 * (no contact) for {@code withdrawal.refit_days} days from yesterday, then returns to the calendar.
 */
public final class PostureProcess implements Process {
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int RESERVE = Status.RESERVE.ordinal();

    @Override
    public String name() {
        return "posture";
    }

    /**
     * Records yesterday's front losses in the withdrawal rule's window and decides whether they
     * withdraw the force.
     *
     * @param s the sector, on the morning of {@code s.day}
     */
    static void withdrawalRule(Sector s) {
        if (s.day == 0) {
            return;
        }
        int yesterday = s.day - 1;
        double[] loss = s.lossRing;
        double[] front = s.frontRing;
        int i = yesterday % loss.length;
        loss[i] = s.yesterdayFrontLosses;
        front[i] = s.yesterdayFrontAtStart;
        if (s.get(Param.WITHDRAWAL_ENABLED) != 1 || yesterday <= s.withdrawnUntil) {
            return;
        }
        double losses = 0;
        double maxFront = 0;
        for (int k = 0; k < loss.length; k++) {
            losses += loss[k];
            maxFront = Math.max(maxFront, front[k]);
        }
        if (maxFront > 0 && losses > s.get(Param.WITHDRAWAL_LOSS_THRESHOLD) * maxFront) {
            s.withdrawnUntil = yesterday + (int) Math.round(s.get(Param.WITHDRAWAL_REFIT_DAYS));
            java.util.Arrays.fill(loss, 0);
        }
    }

    private static void decide(Sector s) {
        Schedule sch = s.schedule;
        int t = s.day;
        withdrawalRule(s);
        s.withdrawn = t <= s.withdrawnUntil;
        if (s.withdrawn) {
            s.posture = Posture.WITHDRAWN;
            s.intensity = 0;
            s.exposure = 1;
        } else {
            s.posture = sch.posture[t];
            s.intensity = sch.intensity[t];
            s.exposure = sch.exposure[t];
        }
        s.engaged = s.posture.engaged() && s.intensity > 0;
        if (s.engaged) {
            for (int w = 0; w < sch.waves; w++) {
                if (s.firstCombatDay[w] < 0 && s.sent[w] > 0 && t >= sch.ready[w] && t < sch.tourEnd[w]) {
                    s.firstCombatDay[w] = t;
                }
            }
        }
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        decide(s);
        int from = s.engaged ? RESERVE : FRONT;
        int to = s.engaged ? FRONT : RESERVE;
        if (a.count[from] > 0) {
            for (int i = 0; i < a.n; i++) {
                if (a.status[i] == from) {
                    a.move(i, to);
                }
            }
        }
        a.rebuildFront();
        s.frontAtStart = a.count[FRONT];
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        decide(s);
        int from = s.engaged ? Cohorts.RESERVE : Cohorts.FRONT;
        int to = s.engaged ? Cohorts.FRONT : Cohorts.RESERVE;
        double front = 0;
        int step = c.step();
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                int base = st * Cohorts.LIVING;
                if (c.mass[base + from] > 0) {
                    c.move(base + from, base + to);
                }
                front += c.mass[base + Cohorts.FRONT];
            }
        }
        s.frontAtStart = front;
    }
}
