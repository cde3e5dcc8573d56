package org.resolve.core.engine;

import org.resolve.core.model.Param;
import org.resolve.core.model.Posture;
import org.resolve.core.model.UnitType;
import org.resolve.core.scenario.Scenario;

/**
 * The state both engines share: the sector (posture, opponent, morale, communication), each
 * wave's learning, and the run's running totals. Agent mode and aggregate mode hold soldiers
 * differently ({@link Agents}, {@link Cohorts}) but update this the same way.
 */
public final class Sector {
    public final Scenario scenario;
    /** The run's parameter values, by {@link Param#ordinal()}. */
    public final double[] p;
    public final Schedule schedule;

    /** Today, 0-based. */
    public int day;
    public Posture posture = Posture.TRAINING;
    public boolean engaged;
    public double intensity;
    public double exposure = 1;
    /** Last day of an endogenous withdrawal, or -1. */
    public int withdrawnUntil = -1;
    public boolean withdrawn;
    /** The opponent's effective strength today. */
    public double opponent;
    /** Its full strength (at the start). */
    public final double opponent0;
    /** Replacements the opponent can still bring in (its replenishment limit). */
    public double opponentReserve;
    /** Morale multiplier on loyalty: 1 at baseline, pulled back to 1 by indoctrination. */
    public double lambda = 1;
    /** Share of commands understood at the front (set by learning, read by attrition the next day). */
    public double communication;
    public double meanDoubtFront;
    public double meanEffectiveLoyaltyFront;

    // Per wave
    public final int[] combatDays;
    public final int[] firstCombatDay;
    public final double[] sent;
    /** Counter-drone skill learned, in [0, 1]: 1 - exp(-combat days / learning days). Set by learning. */
    public final double[] droneSkill;
    /** Terrain knowledge, in [effect.terrain_initial, 1]. Set by learning. */
    public final double[] terrain;
    public final double[] comprehension;
    public final double[] hungerFactor;
    /** Soldiers each replacement wave is to carry, set on its draft day. */
    public final double[] draftSize;
    /** Candidates left in each unit type's pool. */
    public final double[] pool;

    // Cumulative totals
    /** Soldiers wounded at least once (people). */
    public double wounded;
    /** Woundings (events: a soldier wounded twice counts twice). */
    public double woundings;
    public double casualtyEvents;
    public double opponentCasualties;
    /** Replacements the opponent has brought in. */
    public double opponentReplenished;
    /** Prisoners taken wounded (left behind when they could not be evacuated). */
    public double capturedWounded;
    /** Soldiers who surrendered by choice, outside a capture situation. */
    public double surrenderedByChoice;
    public double ffIncidents;
    public double ffHostKilled;
    public double reached;
    public double wages;
    public double regimeRevenue;
    public double soldierEarnings;
    public double valorised;
    public double honoured;
    public double punished;
    public double candidates;
    public double volunteers;
    public double coerced;
    public double replacements;
    public double sentTotal;
    public double lossesSinceDraft;

    // Today's events (reset each morning)
    public double todayCasualties;
    public double todayFrontLosses;
    public double todayDeaths;
    public double todayTaken;
    public double todayRotated;
    public double frontAtStart;
    /** Yesterday's front losses and front strength at the start of yesterday (read by the withdrawal rule). */
    public double yesterdayFrontLosses;
    public double yesterdayFrontAtStart;
    /** Expected attrition casualties for the day (set by attrition). */
    public double expectedCasualties;
    /** Mean per-soldier hazard multiplier (exposure) of the soldiers in the sector today. */
    public double meanExposure;
    /** Each wave's per-soldier hazard multiplier today (set by attrition). */
    public final double[] exposureByWave;
    /** Attrition's hazard factor of equipment and intelligence, constant in a run (computed on first use). */
    public double equipmentIntelligenceFactor = Double.NaN;
    /** Mean daily casualty probability of a soldier in the sector today (set by attrition). */
    public double frontHazard;
    /** Scratch space for per-wave sums, reused every day (no allocation in the daily loop). */
    public final double[] scratchByWave;
    /** Scratch space for per-wave sums of doubt, reused every day. */
    public final double[] scratchDoubtByWave;
    /** Scratch space for the attrition law's output. */
    public final double[] scratchLaw = new double[2];
    /** Today's campaign reach: probability a front soldier is reached, and the contact's credibility. */
    public double reachProbability;
    public double reachCredibility;

    /** The withdrawal rule's memory: front losses and front strength over the last window of days. */
    public final double[] lossRing;
    public final double[] frontRing;

    /**
     * @param scenario the scenario
     * @param p the run's parameter values
     */
    public Sector(Scenario scenario, double[] p) {
        this.scenario = scenario;
        this.p = p;
        this.schedule = new Schedule(scenario, p);
        int w = schedule.waves;
        combatDays = new int[w];
        firstCombatDay = new int[w];
        java.util.Arrays.fill(firstCombatDay, -1);
        sent = new double[w];
        droneSkill = new double[w];
        terrain = new double[w];
        exposureByWave = new double[w];
        comprehension = new double[w];
        hungerFactor = new double[w];
        draftSize = new double[w];
        scratchByWave = new double[w];
        scratchDoubtByWave = new double[w];
        pool = new double[UnitType.values().length];
        for (UnitType u : UnitType.values()) {
            pool[u.ordinal()] = p[u.pool().ordinal()];
        }
        opponent0 = p[Param.OPPONENT_STRENGTH.ordinal()];
        opponent = opponent0;
        opponentReserve = p[Param.OPPONENT_RESERVE.ordinal()];
        int window = (int) Math.max(1, Math.round(p[Param.WITHDRAWAL_WINDOW_DAYS.ordinal()]));
        lossRing = new double[window];
        frontRing = new double[window];
        java.util.Arrays.fill(terrain, get(Param.EFFECT_TERRAIN_INITIAL));
        java.util.Arrays.fill(hungerFactor, 1);
        communication = interpreterCoverage() + (1 - interpreterCoverage()) * Math.min(1,
                p[Param.TERMS_INITIAL.ordinal()] / p[Param.TERMS_NEEDED.ordinal()]);
    }

    /** @param param a parameter @return its value in this run */
    public double get(Param param) {
        return p[param.ordinal()];
    }

    /** Resets today's counters and moves each wave's language and hunger on to day {@code t}. */
    public void beginDay(int t) {
        day = t;
        yesterdayFrontLosses = todayFrontLosses;
        yesterdayFrontAtStart = frontAtStart;
        todayCasualties = 0;
        todayFrontLosses = 0;
        todayDeaths = 0;
        todayTaken = 0;
        todayRotated = 0;
        expectedCasualties = 0;
        double t0 = get(Param.TERMS_INITIAL);
        double needed = get(Param.TERMS_NEEDED);
        double perDay = get(Param.TERMS_PER_DAY);
        double keep = 1 - get(Param.HUNGER_ADAPTATION);
        for (int w = 0; w < schedule.waves; w++) {
            int inTheatre = t - schedule.arrive[w];
            if (inTheatre > 0) {
                hungerFactor[w] *= keep; // = keep^(days in theatre), kept incrementally
            }
            comprehension[w] = Math.min(1, (t0 + perDay * Math.max(0, inTheatre)) / needed);
        }
    }

    /** @return the share of soldiers an interpreter can actually serve */
    public double interpreterCoverage() {
        return Math.min(1, get(Param.INTERPRETERS_PER_30) / 30.0 * get(Param.INTERPRETER_SPAN));
    }

    /** @return the hunger level the host's food supply pulls soldiers toward */
    public double hungerTarget() {
        return 1 - get(Param.HOST_FOOD_SUPPLY);
    }

    /**
     * @param hunger0 hunger at departure
     * @param wave the soldier's wave
     * @return hunger today
     */
    public double hunger(double hunger0, int wave) {
        double target = hungerTarget();
        return target + (hunger0 - target) * hungerFactor[wave];
    }

    /** The logistic function. */
    public static double sigmoid(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    /** @return daily doubt gained from news of well-treated prisoners */
    public double prisonerNews(double prisoners) {
        return get(Param.DOUBT_PRISONER_NEWS) * Math.min(1, prisoners / get(Param.PRISONER_NEWS_SATURATION));
    }
}
