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
 * draft (killed, died of wounds, self-killed, captured, surrendered, deserted, repatriated), up to
 * the cap; it leaves the next day.
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

    private static void draft(Sector s, double lossesNow, boolean whole) {
        int r = s.schedule.draftWaveOnDay[s.day];
        if (r < 0) {
            return;
        }
        double capLeft = Math.max(0, s.get(Param.REPLACEMENT_CAP) - s.replacements);
        double size = Math.min(capLeft, Math.max(0, lossesNow - s.lossesSinceDraft));
        if (whole) {
            size = Math.floor(size); // agents come whole; losses are whole, the cap may not be
        }
        s.draftSize[r] = size;
        s.replacements += size;
        s.lossesSinceDraft = lossesNow;
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
        draft(s, losses, true);
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
        draft(s, losses, false);
    }
}
