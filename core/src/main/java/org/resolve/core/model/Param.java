package org.resolve.core.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The catalogue of model parameters: every number the engines read, with its kind and unit.
 * A scenario must give each of them a value or a distribution, with evidence or an assumption.
 * Names are stable: they appear in scenario files, runs.csv and reports.
 */
public enum Param {
    // 1. Deployment and volunteering
    POOL_SPECIAL_FORCES("pool.special_forces", Kind.NON_NEGATIVE, "soldiers", "special-forces soldiers the regime can draw on"),
    POOL_REGULAR("pool.regular", Kind.NON_NEGATIVE, "soldiers", "regular soldiers the regime can draw on"),
    POOL_ENGINEER("pool.engineer", Kind.NON_NEGATIVE, "soldiers", "military engineers the regime can draw on"),
    POOL_CONSTRUCTION("pool.construction", Kind.NON_NEGATIVE, "soldiers", "construction troops the regime can draw on"),
    VOLUNTEER_INTERCEPT("volunteer.intercept", Kind.REAL, "logit", "beta0 of P(volunteer)"),
    VOLUNTEER_LOYALTY("volunteer.loyalty", Kind.REAL, "logit", "beta_L: weight of loyalty in P(volunteer)"),
    VOLUNTEER_STATUS("volunteer.status", Kind.REAL, "logit", "beta_S: weight of expected status gain"),
    VOLUNTEER_HUNGER("volunteer.hunger", Kind.REAL, "logit", "beta_H: weight of being undernourished (better meals abroad)"),
    VOLUNTEER_PAY("volunteer.pay", Kind.REAL, "logit", "beta_P: weight of the appeal of the pay a soldier actually receives"),
    VOLUNTEER_OUTSIDE("volunteer.outside", Kind.REAL, "logit", "beta_O: weight of curiosity about the outside world"),
    MOTIVE_STATUS_GAIN("motive.status_gain", Kind.PROBABILITY, "score", "status gain expected from an overseas deployment"),
    MOTIVE_PAY_SCALE("motive.pay_scale_usd", Kind.POSITIVE, "USD/month", "pay received at which its appeal is 63% of its most: appeal = 1 - exp(-wage x (1 - regime share) / scale)"),
    MOTIVE_CURIOSITY("motive.curiosity", Kind.PROBABILITY, "score", "wish to see the outside world"),
    COERCION_SHARE("coercion_share", Kind.PROBABILITY, "fraction", "share of non-volunteers sent anyway instead of replaced"),
    INFORMED_SHARE("informed_share", Kind.PROBABILITY, "fraction", "share told before departure that they would fight"),
    TRANSIT_DAYS("transit_days", Kind.NON_NEGATIVE, Limit.DAYS, "days", "days from departure to arrival in the host country"),
    TRAINING_DAYS("training_days", Kind.NON_NEGATIVE, Limit.DAYS, "days", "days of training in the host country before the front"),
    // Soldier attributes per unit type
    LOYALTY_MEAN_SPECIAL_FORCES("loyalty_mean.special_forces", Kind.PROBABILITY, "score", "mean loyalty of special forces"),
    LOYALTY_MEAN_REGULAR("loyalty_mean.regular", Kind.PROBABILITY, "score", "mean loyalty of regular soldiers"),
    LOYALTY_MEAN_ENGINEER("loyalty_mean.engineer", Kind.PROBABILITY, "score", "mean loyalty of engineers"),
    LOYALTY_MEAN_CONSTRUCTION("loyalty_mean.construction", Kind.PROBABILITY, "score", "mean loyalty of construction troops"),
    LOYALTY_CONCENTRATION("loyalty_concentration", Kind.POSITIVE, "1", "concentration (alpha+beta) of the loyalty beta distribution"),
    UNDERNOURISHED_SPECIAL_FORCES("undernourished.special_forces", Kind.PROBABILITY, "fraction", "share of special-forces candidates undernourished at departure"),
    UNDERNOURISHED_REGULAR("undernourished.regular", Kind.PROBABILITY, "fraction", "share of regular candidates undernourished at departure"),
    UNDERNOURISHED_ENGINEER("undernourished.engineer", Kind.PROBABILITY, "fraction", "share of engineer candidates undernourished at departure"),
    UNDERNOURISHED_CONSTRUCTION("undernourished.construction", Kind.PROBABILITY, "fraction", "share of construction-troop candidates undernourished at departure"),
    VULNERABILITY_SPECIAL_FORCES("vulnerability.special_forces", Kind.POSITIVE, "relative", "relative exposure to fire of special forces"),
    VULNERABILITY_REGULAR("vulnerability.regular", Kind.POSITIVE, "relative", "relative exposure to fire of regular soldiers"),
    VULNERABILITY_ENGINEER("vulnerability.engineer", Kind.POSITIVE, "relative", "relative exposure to fire of engineers"),
    VULNERABILITY_CONSTRUCTION("vulnerability.construction", Kind.POSITIVE, "relative", "relative exposure to fire of construction troops"),
    DOUBT_INITIAL("doubt.initial", Kind.PROBABILITY, "score", "doubt at departure of a soldier who volunteered"),
    DOUBT_COERCED("doubt.coerced", Kind.PROBABILITY, "score", "doubt at departure of a soldier sent without volunteering"),
    // 2. Posture
    INTENSITY_HOLDING("intensity.holding", Kind.NON_NEGATIVE, "relative", "contact intensity while holding positions"),
    INTENSITY_ASSAULT("intensity.assault", Kind.NON_NEGATIVE, "relative", "contact intensity while assaulting"),
    FORECAST_ASSAULT_SHARE("forecast.assault_share", Kind.PROBABILITY, "fraction", "after the knowledge date, when the calendar carries no forecast of its own: share of days in assault rather than holding"),
    OPERATION_OFFENSIVE_DAYS("operation.offensive_days", Kind.NON_NEGATIVE, Limit.DAYS, "days", "how long an offensive lasts from its first day (a calendar phase's length)"),
    OPERATION_HOLDING_DAYS("operation.holding_days", Kind.NON_NEGATIVE, Limit.DAYS, "days", "how long the force holds the line after an offensive before rear duty (a calendar phase's length)"),
    WITHDRAWAL_ENABLED("withdrawal.enabled", Kind.FLAG, "flag", "whether heavy recent losses withdraw the force to refit"),
    WITHDRAWAL_LOSS_THRESHOLD("withdrawal.loss_threshold", Kind.PROBABILITY, "fraction", "share of the front lost within the window that triggers withdrawal"),
    WITHDRAWAL_WINDOW_DAYS("withdrawal.window_days", Kind.NON_NEGATIVE, Limit.DAYS, "days", "length of the window over which recent losses are counted"),
    WITHDRAWAL_REFIT_DAYS("withdrawal.refit_days", Kind.NON_NEGATIVE, Limit.DAYS, "days", "days a withdrawn force spends refitting"),
    // 3. Attrition
    OPPONENT_STRENGTH("attrition.opponent_strength", Kind.NON_NEGATIVE, "soldiers", "opponent's effective strength engaging the deployed force at the start (its full strength)"),
    OPPONENT_REPLENISHMENT("attrition.opponent_replenishment", Kind.PROBABILITY, "1/day", "daily share of the gap to its full strength the opponent makes good, while its reserve lasts"),
    OPPONENT_RESERVE("attrition.opponent_reserve", Kind.NON_NEGATIVE, "soldiers", "replacements the opponent can bring into the sector over the whole run (the replenishment limit)"),
    HAZARD("attrition.hazard", Kind.NON_NEGATIVE, "1/day", "daily casualty probability of one exposed soldier of reference capability, holding, at intensity 1, against the opponent at full strength"),
    OWN_KILL_RATE("attrition.own_kill_rate", Kind.NON_NEGATIVE, "1/day", "opponent casualties per day inflicted by one fighting soldier of reference effectiveness, at intensity 1, against the opponent at full strength"),
    REFERENCE_FORCE("attrition.reference_force", Kind.POSITIVE, "soldiers", "exposed soldiers at which the square and logarithmic laws give the linear law's losses (used by those laws only)"),
    ELASTICITY_EQUIPMENT("elasticity.equipment", Kind.NON_NEGATIVE, "1", "elasticity of the per-soldier hazard to equipment: hazard x equipment^-e"),
    ELASTICITY_INTELLIGENCE("elasticity.intelligence", Kind.NON_NEGATIVE, "1", "elasticity of the per-soldier hazard to intelligence support: hazard x intelligence^-e"),
    ELASTICITY_COMMUNICATION("elasticity.communication", Kind.NON_NEGATIVE, "1", "elasticity of the per-soldier hazard to communication: hazard x (floor + (1 - floor) x communication)^-e"),
    ELASTICITY_TERRAIN("elasticity.terrain", Kind.NON_NEGATIVE, "1", "elasticity of the per-soldier hazard to terrain knowledge: hazard x terrain^-e"),
    EXPOSURE_REAR("exposure.rear", Kind.NON_NEGATIVE, "multiplier", "exposure of a soldier on rear or engineering duty (demining, fortification) relative to one holding the line"),
    EFFECT_EQUIPMENT("effect.equipment", Kind.POSITIVE, "multiplier", "effectiveness from equipment"),
    EFFECT_INTELLIGENCE("effect.intelligence", Kind.POSITIVE, "multiplier", "effectiveness from intelligence support"),
    EFFECT_TERRAIN_INITIAL("effect.terrain_initial", Kind.PROBABILITY, "multiplier", "effectiveness on unfamiliar terrain (1 = familiar)"),
    EFFECT_TERRAIN_LEARNING_DAYS("effect.terrain_learning_days", Kind.POSITIVE, Limit.DAYS, "days", "combat days to learn the terrain (e-folding)"),
    EFFECT_DRONE_COUNTERMEASURE_MAX("effect.drone_countermeasure_max", Kind.PROBABILITY, "fraction", "largest cut in vulnerability from learned drone countermeasures"),
    EFFECT_DRONE_LEARNING_DAYS("effect.drone_learning_days", Kind.POSITIVE, Limit.DAYS, "days", "combat days to learn drone countermeasures (e-folding)"),
    EFFECT_ASSAULT_EXPOSURE("effect.assault_exposure", Kind.POSITIVE, "multiplier", "extra exposure of mass dismounted assaults"),
    EFFECT_RESOLVE_WEIGHT("effect.resolve_weight", Kind.NON_NEGATIVE, "1", "how much mean effective loyalty raises effectiveness"),
    EFFECT_COMMUNICATION_FLOOR("effect.communication_floor", Kind.PROBABILITY, "multiplier", "effectiveness when nobody understands the host's commands"),
    EFFECT_CLAIMED_MULTIPLIER("effect.claimed_multiplier", Kind.POSITIVE, "multiplier", "extra effectiveness claimed (state media: one soldier equals 100 enemies)"),
    // 4. Casualty outcome
    KILL_SHARE("casualty.kill_share", Kind.PROBABILITY, "fraction", "share of casualties who die: killed outright plus died of wounds"),
    DIED_OF_WOUNDS_SHARE("casualty.died_of_wounds_share", Kind.PROBABILITY, "fraction", "share of those deaths that come later, of wounds, rather than outright"),
    WOUNDED_CARE_DAYS("wounded.care_days", Kind.POSITIVE, Limit.DAYS, "days", "mean days a wounded soldier spends in care before he dies, returns to duty or is sent home"),
    WOUNDED_REPATRIATED_SHARE("wounded.repatriated_share", Kind.PROBABILITY, "fraction", "share of the wounded who survive that are sent home rather than returned to duty"),
    // 5. Capture situations
    CAPTURE_SITUATIONS_PER_DAY("capture.situations_per_day", Kind.NON_NEGATIVE, "1/day", "capture situations per exposed soldier per day at intensity 1 against the opponent at full strength"),
    CAPTURE_WOUNDED_LEFT("capture.wounded_left_behind", Kind.PROBABILITY, "fraction", "share of soldiers wounded at intensity 1 who cannot be evacuated and are left where the opponent can take them"),
    CAPTURE_TAKEN_ALIVE("capture.taken_alive", Kind.PROBABILITY, "fraction", "share of soldiers in a capture situation who neither surrender nor kill themselves that are taken alive"),
    SURRENDER_INTERCEPT("surrender.intercept", Kind.REAL, "logit", "gamma0: log-odds of surrender against fighting on, for a soldier with no reason either way"),
    SURRENDER_DOUBT("surrender.doubt", Kind.REAL, "logit", "gamma_D: weight of being persuaded he was lied to (a soldier is persuaded with probability equal to his doubt)"),
    SURRENDER_LOYALTY("surrender.loyalty", Kind.REAL, "logit", "gamma_L: weight of loyalty x morale (subtracted)"),
    SURRENDER_REPRISAL_FEAR("surrender.reprisal_fear", Kind.REAL, "logit", "gamma_R: weight of the reprisal he believes his family faces (subtracted)"),
    SURRENDER_KNOWS("surrender.knows_procedure", Kind.REAL, "logit", "gamma_K: weight of knowing a safe way to surrender"),
    SURRENDER_WOUNDED("surrender.wounded", Kind.REAL, "logit", "gamma_W: weight of being wounded and left behind"),
    SURRENDER_OPPORTUNITIES("surrender.opportunities_per_day", Kind.NON_NEGATIVE, "1/day", "chances a day a soldier in the sector who knows a safe procedure has to use it outside a capture situation"),
    SELFKILL_INTERCEPT("selfkill.intercept", Kind.REAL, "logit", "kappa0: log-odds of killing himself against fighting on, for a soldier with no reason either way"),
    SELFKILL_LOYALTY("selfkill.loyalty", Kind.REAL, "logit", "kappa_L: weight of loyalty x morale"),
    SELFKILL_VALORISATION("selfkill.valorisation", Kind.REAL, "logit", "kappa_V: weight of what his family gains from his death"),
    SELFKILL_REPRISAL("selfkill.reprisal_fear", Kind.REAL, "logit", "kappa_R: weight of the reprisal he believes his family faces if he is taken"),
    SELFKILL_DOUBT("selfkill.doubt", Kind.REAL, "logit", "kappa_D: weight of being persuaded he was lied to (subtracted)"),
    // 6. Desertion
    DESERTION_RATE("desertion.rate", Kind.PROBABILITY, "1/day", "daily desertion probability of a fully hungry soldier with no food"),
    DESERTION_DOUBT("desertion.doubt", Kind.PROBABILITY, "1/day", "daily desertion probability added by full doubt"),
    HOST_FOOD_SUPPLY("host.food_supply", Kind.PROBABILITY, "fraction", "share of food needs the host supplies"),
    HUNGER_ADAPTATION("hunger.adaptation_per_day", Kind.PROBABILITY, "1/day", "daily pull of hunger toward the level the host's food supply sets"),
    // 7. Beliefs
    INDOCTRINATION_RECOVERY("indoctrination.recovery_per_day", Kind.PROBABILITY, "1/day", "daily pull of loyalty back toward its baseline"),
    MORALE_LOSS_SENSITIVITY("morale.loss_sensitivity", Kind.NON_NEGATIVE, "1", "loyalty lost per unit of the day's casualty rate at the front"),
    CAMPAIGN_ACCESS("campaign.access", Kind.PROBABILITY, "fraction", "share of soldiers in the sector the campaign's channels can reach at all (no phones; leaflets collected by officers)"),
    CAMPAIGN_FATIGUE_DAYS("campaign.fatigue_days", Kind.POSITIVE, Limit.DAYS, "days", "days over which a campaign's credibility falls by a factor e as its messages repeat (message fatigue)"),
    CAMPAIGN_PROCEDURE_LEARNED("campaign.procedure_learned", Kind.PROBABILITY, "fraction", "share of contacts that teach the soldier a safe way to surrender"),
    COUNTER_MESSAGING("counter_messaging.per_day", Kind.PROBABILITY, "1/day", "daily pull of doubt back toward its initial level by political officers"),
    SHIRKING_DOUBT("shirking.doubt", Kind.PROBABILITY, "fraction", "share by which full doubt cuts a soldier's exposure (he keeps his head down)"),
    DOUBT_FIRST_COMBAT("doubt.first_combat_uninformed", Kind.PROBABILITY, "score", "doubt gained at first combat by those told it was training"),
    DOUBT_PRISONER_NEWS("doubt.prisoner_news", Kind.PROBABILITY, "1/day", "daily doubt gained when news of well-treated prisoners has saturated"),
    PRISONER_NEWS_SATURATION("prisoner_news.saturation", Kind.POSITIVE, "prisoners", "prisoners shown at which the news effect saturates"),
    CAMPAIGN_LEAFLETS("campaign.leaflets_per_day", Kind.NON_NEGATIVE, "leaflets/day", "leaflets dropped on the sector per day"),
    CAMPAIGN_BROADCAST_HOURS("campaign.broadcast_hours_per_day", Kind.NON_NEGATIVE, "hours/day", "loudspeaker and radio broadcast hours per day"),
    CAMPAIGN_MESSENGERS("campaign.messengers", Kind.NON_NEGATIVE, "persons", "defector messengers working on the sector"),
    CAMPAIGN_LEAFLET_REACH("campaign.leaflet_reach", Kind.NON_NEGATIVE, "1/leaflet", "reach events per leaflet"),
    CAMPAIGN_BROADCAST_REACH("campaign.broadcast_reach", Kind.NON_NEGATIVE, "1/hour", "probability intensity of being reached per broadcast hour"),
    CAMPAIGN_MESSENGER_REACH("campaign.messenger_reach", Kind.NON_NEGATIVE, "1/messenger/day", "soldiers reached per messenger per day"),
    CREDIBILITY_LEAFLET("credibility.leaflet", Kind.PROBABILITY, "score", "share of remaining trust a leaflet removes"),
    CREDIBILITY_BROADCAST("credibility.broadcast", Kind.PROBABILITY, "score", "share of remaining trust a broadcast removes"),
    CREDIBILITY_MESSENGER("credibility.messenger", Kind.PROBABILITY, "score", "share of remaining trust a former soldier removes"),
    // 8. Learning
    TERMS_INITIAL("language.terms_initial", Kind.NON_NEGATIVE, "terms", "host-language military terms taught before the front"),
    TERMS_NEEDED("language.terms_needed", Kind.POSITIVE, "terms", "terms needed for full comprehension"),
    TERMS_PER_DAY("language.terms_per_day", Kind.NON_NEGATIVE, "terms/day", "terms learned per day in theatre"),
    INTERPRETERS_PER_30("interpreters.per_30", Kind.NON_NEGATIVE, "per 30 soldiers", "interpreters per 30 soldiers"),
    INTERPRETER_SPAN("interpreters.span", Kind.NON_NEGATIVE, "soldiers", "soldiers one interpreter can really serve in combat"),
    FRIENDLY_FIRE_RATE("friendly_fire.incidents_per_day", Kind.NON_NEGATIVE, "1/day", "friendly-fire incidents per day at zero communication and intensity 1"),
    FRIENDLY_FIRE_KILLED("friendly_fire.killed_per_incident", Kind.NON_NEGATIVE, "host soldiers", "host soldiers killed per incident"),
    // Host
    HOST_RECRUITS_PER_MONTH("host.recruits_per_month", Kind.NON_NEGATIVE, "soldiers/month", "soldiers the host recruits a month"),
    HOST_LOSSES_PER_MONTH("host.losses_per_month", Kind.NON_NEGATIVE, "soldiers/month", "the host's own casualties a month"),
    HOST_REQUEST_SHARE("host.request_share", Kind.PROBABILITY, "fraction", "share of the host's monthly shortfall (losses over recruits) the regime is asked to fill and sends"),
    // 9. Rotation and replacement
    TOUR_DAYS("rotation.tour_days", Kind.POSITIVE, Limit.DAYS, "days", "days in theatre before a soldier rotates home"),
    REPLACEMENT_ENABLED("replacement.enabled", Kind.FLAG, "flag", "whether the regime replaces losses"),
    REPLACEMENT_INTERVAL_DAYS("replacement.interval_days", Kind.POSITIVE, Limit.DAYS, "days", "days between replacement drafts"),
    REPLACEMENT_CAP("replacement.cap_total", Kind.NON_NEGATIVE, "soldiers", "most replacements ever sent"),
    // 10. Money
    WAGE("wage_usd_per_month", Kind.NON_NEGATIVE, Limit.WAGE, "USD/month", "wage per soldier per month paid by the host"),
    REGIME_SHARE("regime_share", Kind.PROBABILITY, "fraction", "share of the wage kept by the regime"),
    // 11. Families
    REPRISAL_PROBABILITY("reprisal.probability", Kind.PROBABILITY, "probability", "probability the family of a captured, surrendered or deserted soldier is punished"),
    REPRISAL_BELIEF("reprisal.belief", Kind.PROBABILITY, "probability", "the probability a soldier believes his family will be punished if he is taken"),
    FAMILY_VALORISATION("family.valorisation", Kind.PROBABILITY, "score", "what a family gains from a soldier's death (valorised, status), on a 0-1 scale"),
    // Measurement model (calibration): how claimants' reports relate to the model's values
    MEASUREMENT_BIAS_LOG_SD("measurement.bias_log_sd", Kind.POSITIVE, "log", "prior log-sd of each claimant's multiplicative bias (median 1)"),
    MEASUREMENT_NOISE_LOG_SD("measurement.noise_log_sd", Kind.POSITIVE, "log", "prior median of each claimant's log-sd of noise around its biased value"),
    MEASUREMENT_APPROX_FACTOR("measurement.approx_factor", Kind.POSITIVE, "multiplier", "how much wider the noise of an approximate report is than of an exact one");

    /**
     * Upper bounds tighter than a kind's, for parameters whose kind alone would admit values that
     * overflow an output or the engines' arithmetic. Each says why it is where it is.
     */
    private static final class Limit {
        /**
         * Durations in days: at most a century, ten times the longest horizon (3,650 days), so no
         * duration that can matter within a run is refused; beyond about 2^31 days the engines' day
         * arithmetic overflowed (a run failed with a negative array size or index).
         */
        static final double DAYS = 36_500;
        /**
         * The monthly wage: at most a million US dollars, some fifty times the best-paid soldiers'
         * pay, enough for any what-if. The wage bill adds wage / 30 per soldier per day, so a wage
         * near the largest double (1e308) made it infinite and the soldiers' share NaN.
         */
        static final double WAGE = 1_000_000;

        private Limit() {
        }
    }

    private static final Map<String, Param> BY_NAME = new HashMap<>();

    static {
        for (Param p : values()) {
            BY_NAME.put(p.key, p);
        }
    }

    private final String key;
    private final Kind kind;
    private final String unit;
    private final String description;
    private final double max;

    Param(String key, Kind kind, String unit, String description) {
        this(key, kind, kind.max(), unit, description);
    }

    Param(String key, Kind kind, double max, String unit, String description) {
        this.key = key;
        this.kind = kind;
        this.max = max;
        this.unit = unit;
        this.description = description;
    }

    /** @return the name used in scenario files and outputs */
    public String key() { return key; }

    /** @return the kind, which fixes the allowed interval (its upper end may be tightened, see {@link #max()}) */
    public Kind kind() { return kind; }

    /** @return the smallest allowed value (the kind's) */
    public double min() { return kind.min(); }

    /**
     * @return the largest allowed value: the kind's, or a tighter bound where the kind's would let
     *     an output or the engines' arithmetic overflow (durations in days, the wage)
     */
    public double max() { return max; }

    /**
     * @param v a value
     * @return whether {@code v} is finite, admitted by the kind and at most {@link #max()}
     */
    public boolean admits(double v) {
        return kind.admits(v) && v <= max;
    }

    /** @return a phrase saying what values are allowed, for error messages */
    public String expected() {
        return max < kind.max() ? kind.expected() + " and <= " + new java.text.DecimalFormat("#,##0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(max) : kind.expected();
    }

    /** @return the unit a scenario must state */
    public String unit() { return unit; }

    /** @return one line saying what the parameter means */
    public String description() { return description; }

    /**
     * @param key a parameter name as written in a scenario
     * @return the parameter, or {@code null} when there is none of that name
     */
    public static Param byKey(String key) {
        return BY_NAME.get(key);
    }
}
