package org.resolve.core.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.resolve.core.model.Param;
import org.resolve.core.model.Posture;
import org.resolve.core.model.UnitType;
import org.resolve.core.scenario.Phase;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.Wave;

/**
 * What a run's calendar holds, worked out once from the scenario and the run's parameter values:
 * every wave's departure, arrival, readiness and tour end (repeats and replacement drafts
 * included), and every day's posture, contact intensity and exposure from the operations calendar
 * (phases of uncertain length end on their run's draw). Both engines read it.
 */
public final class Schedule {
    /** Days in the horizon. */
    public final int days;
    /** Number of waves, planned and replacement. */
    public final int waves;
    /** Day each wave departs (may be beyond the horizon for replacement slots never used). */
    public final int[] depart;
    /** Day each wave arrives in the host country and starts training. */
    public final int[] arrive;
    /** Day each wave finishes training. */
    public final int[] ready;
    /** Day each wave's soldiers rotate home. */
    public final int[] tourEnd;
    /** Planned size (0 for replacement slots: their size is set when the draft is decided). */
    public final int[] plannedSize;
    /** Unit type of each wave. */
    public final UnitType[] type;
    /** Whether a wave is a replacement draft. */
    public final boolean[] replacement;
    /** For each day, the replacement wave whose size is decided that day, or -1. */
    public final int[] draftWaveOnDay;
    /** Calendar posture for each day (before any endogenous withdrawal). */
    public final Posture[] posture;
    /** Contact intensity for each day under the calendar posture. */
    public final double[] intensity;
    /** Exposure multiplier of a soldier in the sector for each day: assault tactics, 1 holding, rear duty. */
    public final double[] exposure;
    /** First day of the persuasion campaign, or {@link Integer#MAX_VALUE}. */
    public final int campaignStart;
    /** Soldiers in planned waves. */
    public final int plannedTotal;

    /**
     * @param sc the scenario
     * @param p the run's parameter values, indexed by {@link Param#ordinal()}
     */
    public Schedule(Scenario sc, double[] p) {
        this.days = sc.days();
        LocalDate start = sc.start();
        int transit = (int) Math.round(p[Param.TRANSIT_DAYS.ordinal()]);
        int training = (int) Math.round(p[Param.TRAINING_DAYS.ordinal()]);
        int tour = (int) Math.max(1, Math.round(p[Param.TOUR_DAYS.ordinal()]));
        List<int[]> ws = new ArrayList<>();
        List<UnitType> types = new ArrayList<>();
        int planned = 0;
        for (Wave w : sc.waves()) {
            int d0 = (int) ChronoUnit.DAYS.between(start, w.date());
            for (int r = 0; r <= w.repeatTimes(); r++) {
                int d = d0 + r * w.repeatEveryDays();
                if (d >= days) {
                    break;
                }
                ws.add(new int[] {d, w.size(), 0});
                types.add(w.unitType());
                planned += w.size();
            }
        }
        this.plannedTotal = planned;
        this.draftWaveOnDay = new int[days];
        java.util.Arrays.fill(draftWaveOnDay, -1);
        if (p[Param.REPLACEMENT_ENABLED.ordinal()] == 1 && !ws.isEmpty() && p[Param.REPLACEMENT_CAP.ordinal()] > 0) {
            int interval = (int) Math.max(1, Math.round(p[Param.REPLACEMENT_INTERVAL_DAYS.ordinal()]));
            int first = ws.get(0)[0];
            UnitType ut = types.get(0);
            for (int d = first + interval; d + 1 < days; d += interval) {
                draftWaveOnDay[d] = ws.size();
                ws.add(new int[] {d + 1, 0, 1});
                types.add(ut);
            }
        }
        this.waves = ws.size();
        depart = new int[waves];
        arrive = new int[waves];
        ready = new int[waves];
        tourEnd = new int[waves];
        plannedSize = new int[waves];
        type = new UnitType[waves];
        replacement = new boolean[waves];
        for (int i = 0; i < waves; i++) {
            int[] w = ws.get(i);
            depart[i] = w[0];
            arrive[i] = w[0] + transit;
            ready[i] = arrive[i] + training;
            tourEnd[i] = arrive[i] + tour;
            plannedSize[i] = w[1];
            replacement[i] = w[2] == 1;
            type[i] = types.get(i);
        }

        posture = new Posture[days];
        intensity = new double[days];
        exposure = new double[days];
        double hold = p[Param.INTENSITY_HOLDING.ordinal()];
        double assault = p[Param.INTENSITY_ASSAULT.ordinal()];
        double x = p[Param.EFFECT_ASSAULT_EXPOSURE.ordinal()];
        double rear = p[Param.EXPOSURE_REAR.ordinal()];
        double s = p[Param.FORECAST_ASSAULT_SHARE.ordinal()];
        List<Phase> cal = sc.calendar();
        int[] phaseStart = phaseStarts(sc, p);
        int forecastFrom = forecastFrom(sc);
        int ph = 0;
        for (int t = 0; t < days; t++) {
            while (ph + 1 < cal.size() && phaseStart[ph + 1] <= t) {
                ph++;
            }
            if (t >= forecastFrom) {
                // Beyond what is known, with no forecast in the calendar itself, the posture is a
                // forecast: engaged, with an uncertain mix of holding and assault days
                // (forecast.assault_share), not the last posture forever.
                posture[t] = s >= 0.5 ? Posture.ASSAULT : Posture.HOLDING;
                intensity[t] = hold + s * (assault - hold);
                exposure[t] = 1 + s * (x - 1);
            } else {
                Posture pst = cal.get(ph).posture();
                posture[t] = pst;
                intensity[t] = switch (pst) {
                    case ASSAULT -> assault;
                    case HOLDING, REAR -> hold;
                    default -> 0;
                };
                exposure[t] = switch (pst) {
                    case ASSAULT -> x;
                    case REAR -> rear;
                    default -> 1;
                };
            }
        }
        campaignStart = sc.campaign() == null ? Integer.MAX_VALUE
                : (int) ChronoUnit.DAYS.between(start, sc.campaign().start());
    }

    /**
     * The first day of each calendar phase in this run: its date, or the day the previous phase's
     * uncertain length (its {@code days} parameter) runs out.
     */
    static int[] phaseStarts(Scenario sc, double[] p) {
        List<Phase> cal = sc.calendar();
        int[] start = new int[cal.size()];
        for (int i = 0; i < cal.size(); i++) {
            Phase ph = cal.get(i);
            if (ph.from() != null || i == 0) {
                start[i] = (int) ChronoUnit.DAYS.between(sc.start(), ph.from());
            } else {
                Param len = cal.get(i - 1).days();
                double d = len == null ? 0 : Math.max(0, p[len.ordinal()]);
                start[i] = (int) Math.min(Integer.MAX_VALUE / 2, start[i - 1] + Math.round(d));
            }
        }
        return start;
    }

    /**
     * The first day the posture is the generic forecast rather than the calendar: the day after the
     * knowledge date when a phase is dated after it (the calendar beyond it was not known) or when
     * the calendar ends in a dated, open-ended phase (it states no forecast of its own); never
     * otherwise. A calendar whose last phases follow each other by uncertain lengths is its own
     * forecast.
     */
    static int forecastFrom(Scenario sc) {
        LocalDate k = sc.knowledgeDate();
        List<Phase> cal = sc.calendar();
        if (k == null || cal.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        boolean unknownPhase = false;
        for (Phase ph : cal) {
            unknownPhase |= ph.from() != null && ph.from().isAfter(k);
        }
        boolean openEnded = cal.get(cal.size() - 1).from() != null;
        if (!unknownPhase && !openEnded) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.min(Integer.MAX_VALUE, ChronoUnit.DAYS.between(sc.start(), k) + 1);
    }
}
