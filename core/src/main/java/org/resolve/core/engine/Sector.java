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
    public double opponent;
    public final double opponent0;
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
    public final double[] vulnerability;
    public final double[] terrain;
    public final double[] comprehension;
    public final double[] hungerFactor;
    /** Soldiers each replacement wave is to carry, set on its draft day. */
    public final double[] draftSize;
    /** Candidates left in each unit type's pool. */
    public final double[] pool;

    // Cumulative totals
    public double wounded;
    public double casualtyEvents;
    public double opponentCasualties;
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
    /** Expected attrition casualties for the day (set by attrition). */
    public double expectedCasualties;
    /** Front-weighted mean vulnerability for the day. */
    public double meanVulnerability;

    private final double[] droneDecay;
    private final double[] terrainDecay;
    private final double droneStep;
    private final double terrainStep;
    /** Scratch space for per-wave sums, reused every day (no allocation in the daily loop). */
    public final double[] scratchByWave;
    /** Scratch space for the attrition law's output. */
    public final double[] scratchLaw = new double[2];
    /** Today's campaign reach: probability a front soldier is reached, and the contact's credibility. */
    public double reachProbability;
    public double reachCredibility;

    private final double[] lossRing;
    private final double[] frontRing;

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
        vulnerability = new double[w];
        terrain = new double[w];
        comprehension = new double[w];
        hungerFactor = new double[w];
        draftSize = new double[w];
        scratchByWave = new double[w];
        droneDecay = new double[w];
        terrainDecay = new double[w];
        java.util.Arrays.fill(droneDecay, 1);
        java.util.Arrays.fill(terrainDecay, 1);
        droneStep = StrictMath.exp(-1 / get(Param.EFFECT_DRONE_LEARNING_DAYS));
        terrainStep = StrictMath.exp(-1 / get(Param.EFFECT_TERRAIN_LEARNING_DAYS));
        pool = new double[UnitType.values().length];
        for (UnitType u : UnitType.values()) {
            pool[u.ordinal()] = p[u.pool().ordinal()];
        }
        opponent0 = p[Param.OPPONENT_STRENGTH.ordinal()];
        opponent = opponent0;
        int window = (int) Math.max(1, Math.round(p[Param.WITHDRAWAL_WINDOW_DAYS.ordinal()]));
        lossRing = new double[window];
        frontRing = new double[window];
        for (int i = 0; i < w; i++) {
            learnCombat(i);
            hungerFactor[i] = 1;
        }
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

    /**
     * Works out a wave's vulnerability and terrain knowledge from its combat days (called when
     * they change).
     *
     * @param w the wave
     */
    public void learnCombat(int w) {
        if (combatDays[w] > 0) {
            // exp(-days / tau) kept as a running product: one multiplication per combat day.
            droneDecay[w] *= droneStep;
            terrainDecay[w] *= terrainStep;
        }
        double dcMax = get(Param.EFFECT_DRONE_COUNTERMEASURE_MAX);
        double ti = get(Param.EFFECT_TERRAIN_INITIAL);
        vulnerability[w] = p[schedule.type[w].vulnerability().ordinal()] * (1 - dcMax * (1 - droneDecay[w]));
        terrain[w] = ti + (1 - ti) * (1 - terrainDecay[w]);
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

    /**
     * Records the day's front losses and, when the withdrawal rule is on, decides whether the
     * force is pulled out to refit: losses over the window above the threshold share of the front.
     *
     * @param frontLossesToday soldiers lost from the front today (casualties, captures, desertions)
     * @param frontStrength soldiers at the front at the start of the day
     */
    public void recordLosses(double frontLossesToday, double frontStrength) {
        int i = day % lossRing.length;
        lossRing[i] = frontLossesToday;
        frontRing[i] = frontStrength;
        if (get(Param.WITHDRAWAL_ENABLED) != 1 || withdrawn) {
            return;
        }
        double losses = 0;
        double maxFront = 0;
        for (int k = 0; k < lossRing.length; k++) {
            losses += lossRing[k];
            maxFront = Math.max(maxFront, frontRing[k]);
        }
        if (maxFront > 0 && losses > get(Param.WITHDRAWAL_LOSS_THRESHOLD) * maxFront) {
            withdrawnUntil = day + (int) Math.round(get(Param.WITHDRAWAL_REFIT_DAYS));
            java.util.Arrays.fill(lossRing, 0);
        }
    }

    /** The logistic function. */
    public static double sigmoid(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    /**
     * Sets {@link #reachProbability} and {@link #reachCredibility} for today.
     *
     * @param front soldiers at the front
     */
    public void campaignReach(double front) {
        reachProbability = 0;
        reachCredibility = 0;
        if (day < schedule.campaignStart || front <= 0) {
            return;
        }
        double leaflets = get(Param.CAMPAIGN_LEAFLET_REACH) * get(Param.CAMPAIGN_LEAFLETS) / front;
        double broadcast = get(Param.CAMPAIGN_BROADCAST_REACH) * get(Param.CAMPAIGN_BROADCAST_HOURS);
        double messengers = get(Param.CAMPAIGN_MESSENGER_REACH) * get(Param.CAMPAIGN_MESSENGERS) / front;
        double total = leaflets + broadcast + messengers;
        if (total <= 0) {
            return;
        }
        reachCredibility = (leaflets * get(Param.CREDIBILITY_LEAFLET) + broadcast * get(Param.CREDIBILITY_BROADCAST)
                + messengers * get(Param.CREDIBILITY_MESSENGER)) / total;
        reachProbability = -StrictMath.expm1(-total);
    }

    /** @return daily doubt gained from news of well-treated prisoners */
    public double prisonerNews(double prisoners) {
        return get(Param.DOUBT_PRISONER_NEWS) * Math.min(1, prisoners / get(Param.PRISONER_NEWS_SATURATION));
    }
}
