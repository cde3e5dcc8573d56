package org.resolve.core.engine.process;

import org.resolve.core.engine.Agents;
import org.resolve.core.engine.Cohorts;
import org.resolve.core.engine.Process;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Schedule;
import org.resolve.core.engine.Sector;
import org.resolve.core.model.Param;
import org.resolve.core.model.Status;

/**
 * 9. Rotation and replacement. When a wave's tour ends, its soldiers in training, at the front or
 * in reserve rotate home (the wounded follow when they recover). On a draft day, if the regime
 * replaces losses, a replacement wave is drafted with as many soldiers as were lost since the last
 * draft (killed, died of wounds, self-killed, captured, surrendered, deserted, repatriated) plus what
 * the host asks for: {@code host.request_share} of the host's own shortfall (its monthly losses
 * over its monthly recruits) for the days since the last draft; all of it up to the cap. The draft
 * leaves the next day. So whether and when later waves go follows from the host's arithmetic.
 */
public final class Rotation implements Process {
    private static final int TRAINING = Status.TRAINING.ordinal();
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int RESERVE = Status.RESERVE.ordinal();
    private static final int ROTATED = Status.ROTATED_HOME.ordinal();
    private static final int[] AWAY = {Cohorts.TRAINING, Cohorts.FRONT, Cohorts.RESERVE};
    private static final Status[] LOSSES = {Status.KILLED, Status.DIED_OF_WOUNDS, Status.SELF_KILLED, Status.CAPTURED,
        Status.SURRENDERED, Status.DESERTED, Status.REPATRIATED_WOUNDED};

    @Override
    public String name() {
        return "rotation";
    }

    /**
     * Decides the day's draft, if it is a draft day.
     *
     * @param rng for agent mode, which drafts whole soldiers: the expected size x becomes floor(x)
     *     or floor(x) + 1 with the fractional part's probability (never above the cap), so the agent
     *     mode's mean draft is the aggregate mode's; null in aggregate mode
     */
    private static void draft(Sector s, double lossesNow, org.apache.commons.rng.UniformRandomProvider rng) {
        int r = s.schedule.draftWaveOnDay[s.day];
        if (r < 0) {
            return;
        }
        double capLeft = Math.max(0, s.get(Param.REPLACEMENT_CAP) - s.replacements);
        double size = Math.min(capLeft, Math.max(0, lossesNow - s.lossesSinceDraft) + hostRequest(s));
        if (rng != null) {
            double u = rng.nextDouble(); // drawn on every draft day, so the stream's alignment does not depend on the cap
            double whole = Math.floor(size);
            size = whole + (whole + 1 <= capLeft && u < size - whole ? 1 : 0);
        }
        s.draftSize[r] = size;
        s.replacements += size;
        s.lossesSinceDraft = lossesNow;
    }

    /**
     * @param s the sector on a draft day
     * @return soldiers the host asks for on this draft: its request share of its monthly shortfall,
     *     for the days between drafts
     */
    static double hostRequest(Sector s) {
        double shortfall = Math.max(0, s.get(Param.HOST_LOSSES_PER_MONTH) - s.get(Param.HOST_RECRUITS_PER_MONTH));
        double days = Math.max(1, Math.round(s.get(Param.REPLACEMENT_INTERVAL_DAYS)));
        return s.get(Param.HOST_REQUEST_SHARE) * shortfall * days / 30.0;
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        Schedule sch = s.schedule;
        for (int w = 0; w < sch.waves; w++) {
            if (sch.tourEnd[w] != s.day || s.sent[w] == 0) {
                continue;
            }
            for (int i = 0; i < a.n; i++) {
                int st = a.status[i];
                if (a.wave[i] == w && (st == TRAINING || st == FRONT || st == RESERVE)) {
                    a.move(i, ROTATED);
                    s.todayRotated++;
                }
            }
        }
        double losses = 0;
        for (Status st : LOSSES) {
            losses += a.count[st.ordinal()];
        }
        draft(s, losses, r.rotation);
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        Schedule sch = s.schedule;
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            if (sch.tourEnd[w] != s.day) {
                continue;
            }
            double home = 0;
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st++) {
                int base = st * Cohorts.LIVING;
                for (int li : AWAY) {
                    home += c.mass[base + li];
                    c.clear(base + li);
                }
            }
            c.absorbed[ROTATED] += home;
            s.todayRotated += home;
        }
        double losses = 0;
        for (Status st : LOSSES) {
            losses += c.absorbed[st.ordinal()];
        }
        draft(s, losses, null);
    }
}
