package org.resolve.core.engine;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.resolve.core.model.Status;

/**
 * The daily series every run records, in both modes. Names are stable: they are the
 * {@code metric} column of series.csv and kpis.csv (see docs/METRICS.md). Cumulative metrics
 * count events since the start; the others are levels on the day.
 */
public enum Metric {
    // Levels: soldiers by status (every soldier committed is in exactly one).
    STATUS_POOL("status.pool", "soldiers of planned waves not yet departed"),
    STATUS_TRANSIT("status.transit", "soldiers on the way"),
    STATUS_TRAINING("status.training", "soldiers training in the host country"),
    STATUS_FRONT("status.front", "soldiers in the sector: on the line (holding, assault) or on rear and engineering duty"),
    STATUS_RESERVE("status.reserve", "soldiers ready but not engaged"),
    STATUS_WOUNDED("status.wounded", "soldiers wounded and in care in theatre"),
    STATUS_KILLED("status.killed", "killed in action (including killed resisting capture)"),
    STATUS_DIED_OF_WOUNDS("status.died_of_wounds", "died of wounds"),
    STATUS_SELF_KILLED("status.self_killed", "killed themselves to avoid capture"),
    STATUS_CAPTURED("status.captured", "taken prisoner without surrendering"),
    STATUS_SURRENDERED("status.surrendered", "surrendered"),
    STATUS_DESERTED("status.deserted", "left their positions"),
    STATUS_REPATRIATED_WOUNDED("status.repatriated_wounded", "sent home wounded"),
    STATUS_ROTATED_HOME("status.rotated_home", "rotated home at the end of their tour"),
    // Headline cumulative outcomes.
    KILLED("killed", "killed in action + died of wounds + self-killed"),
    WOUNDED("wounded", "soldiers wounded at least once (people: a soldier wounded twice counts once)"),
    WOUNDINGS("woundings", "woundings (events: a soldier wounded twice counts twice)"),
    CASUALTIES("casualties", "casualty events: killed outright + woundings + soldiers taken in capture situations or surrendering by choice"),
    CAPTURED("captured", "taken prisoner without surrendering"),
    SURRENDERED("surrendered", "surrendered"),
    SURRENDERED_BY_CHOICE("surrendered_by_choice", "surrendered by choice, outside a capture situation (included in surrendered)"),
    CAPTURED_WOUNDED("captured_wounded", "taken prisoner wounded, left behind when they could not be evacuated (included in captured)"),
    SELF_KILLED("self_killed", "killed themselves to avoid capture"),
    DESERTED("deserted", "left their positions"),
    ROTATED_HOME("rotated_home", "came home at the end of their tour"),
    REPATRIATED_WOUNDED("repatriated_wounded", "came home wounded"),
    SENT("sent", "soldiers who have departed"),
    IN_THEATRE("in_theatre", "soldiers in the host country (training, front, reserve, wounded)"),
    // Deployment.
    CANDIDATES_DRAWN("candidates_drawn", "candidates asked to volunteer"),
    VOLUNTEERS("volunteers", "soldiers sent who volunteered"),
    COERCED("coerced", "soldiers sent who did not volunteer"),
    REPLACEMENTS("replacements", "replacements drafted"),
    // Sector.
    INTENSITY("intensity", "contact intensity on the day"),
    WITHDRAWN("withdrawn", "1 when the force is withdrawn to refit"),
    OPPONENT_STRENGTH("opponent_strength", "opponent's effective strength"),
    OPPONENT_CASUALTIES("opponent_casualties", "casualties inflicted on the opponent"),
    OPPONENT_REPLENISHED("opponent_replenished", "replacements the opponent has brought into the sector"),
    FRONT_HAZARD("front_hazard", "mean daily casualty probability of a soldier in the sector"),
    EXCHANGE_RATIO("exchange_ratio", "opponent casualties per own casualty"),
    FRIENDLY_FIRE_INCIDENTS("friendly_fire_incidents", "friendly-fire incidents"),
    FRIENDLY_FIRE_HOST_KILLED("friendly_fire_host_killed", "host soldiers killed by friendly fire"),
    // Beliefs.
    REACHED("reached", "persuasion contacts (a soldier reached twice counts twice)"),
    KNOWS_PROCEDURE("knows_procedure", "soldiers in theatre who know a safe way to surrender"),
    MEAN_DOUBT_FRONT("mean_doubt_front", "mean doubt of soldiers at the front"),
    MEAN_EFFECTIVE_LOYALTY_FRONT("mean_effective_loyalty_front", "mean loyalty x morale x (1 - doubt) at the front"),
    COMMUNICATION("communication", "share of commands understood by soldiers at the front or in reserve"),
    // Money.
    WAGES_USD("wages_usd", "wages paid by the host"),
    REGIME_REVENUE_USD("regime_revenue_usd", "wages kept by the regime"),
    SOLDIER_EARNINGS_USD("soldier_earnings_usd", "wages left to the soldiers"),
    // Families.
    FAMILIES_VALORISED("families_valorised", "families of the dead, valorised"),
    FAMILIES_HONOURED("families_honoured", "returning soldiers greeted as heroes"),
    FAMILIES_PUNISHED("families_punished", "families punished for a captured, surrendered or deserted soldier");

    private static final Metric[] VALUES = values();
    private static final Map<String, Metric> BY_KEY = new HashMap<>();

    static {
        for (Metric m : VALUES) {
            BY_KEY.put(m.key, m);
        }
    }

    /** The number of metrics. */
    public static final int COUNT = VALUES.length;

    private final String key;
    private final String description;

    Metric(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** @return the stable name */
    public String key() { return key; }

    /** @return what it counts */
    public String description() { return description; }

    /** @param i an ordinal @return the metric */
    public static Metric of(int i) { return VALUES[i]; }

    /** @param key a stable name @return the metric, or null */
    public static Metric byKey(String key) { return BY_KEY.get(key.toLowerCase(Locale.ROOT)); }

    /** @param s a status @return the metric counting it */
    public static Metric status(Status s) { return VALUES[STATUS_POOL.ordinal() + s.ordinal()]; }
}
