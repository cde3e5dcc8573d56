package org.resolve.core.observation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.resolve.core.engine.Metric;

/**
 * Every quantity an observation file may report, and what it is compared with in the model.
 *
 * <p>A calibration target is the sum of its {@link #metrics()} on the observation's date
 * ({@link Use#AT_DATE}), or the increase of that sum over the period named in the scope, ending
 * on the date ({@link Use#INCREASE_OVER_PERIOD}). Quantities the model has no output for are
 * {@link Use#PARAMETER_EVIDENCE}: they are known (so a misspelling is still an error) and inform
 * parameters through the scenario's evidence, but a calibration lists them as ignored rather than
 * comparing them with a run. The table is documented in docs/OBSERVATIONS.md.
 */
public enum Quantity {
    // Calibration targets: cumulative or level on the date.
    CASUALTIES_TOTAL("casualties_total", Use.AT_DATE, "casualties since the start", Metric.CASUALTIES),
    KILLED("killed", Use.AT_DATE, "deaths since the start (in action, of wounds, self-killed)", Metric.KILLED),
    WOUNDED("wounded", Use.AT_DATE, "soldiers wounded since the start", Metric.WOUNDED),
    PRISONERS("prisoners", Use.AT_DATE, "soldiers taken prisoner, with or without surrendering",
            Metric.CAPTURED, Metric.SURRENDERED),
    /** At the front or in reserve in the sector, or wounded in care there; not those still training. */
    TROOPS_IN_SECTOR("troops_in_sector", Use.AT_DATE, "soldiers deployed to the combat sector",
            Metric.STATUS_FRONT, Metric.STATUS_RESERVE, Metric.STATUS_WOUNDED),
    /** In the host country (training, front, reserve, wounded); soldiers still in transit are not yet there. */
    TROOPS_IN_RUSSIA("troops_in_russia", Use.AT_DATE, "soldiers in the host country", Metric.IN_THEATRE),
    // Calibration targets: increase over a period ending on the date.
    CASUALTIES_IN_PERIOD("casualties_in_period", Use.INCREASE_OVER_PERIOD, "casualties during the period",
            Metric.CASUALTIES),
    KILLED_IN_PERIOD("killed_in_period", Use.INCREASE_OVER_PERIOD, "deaths during the period", Metric.KILLED),
    // Parameter evidence, not calibration targets.
    WAGE_USD_PER_MONTH("wage_usd_per_month", "wage paid by the host per soldier and month (USD)"),
    REGIME_SHARE_OF_WAGE("regime_share_of_wage", "share of the wage kept by the regime"),
    INTERPRETERS_PER_30("interpreters_per_30", "interpreters per 30 soldiers"),
    RUSSIAN_TERMS_TAUGHT("russian_terms_taught", "military terms taught in the host's language"),
    FRIENDLY_FIRE_KILLED("friendly_fire_killed", "host soldiers killed in one friendly-fire incident"),
    ASSAULT_GROUP_SIZE("assault_group_size", "soldiers per assault group"),
    HOTLINE_SURRENDERS_RUSSIANS("hotline_surrenders_russians", "host soldiers who surrendered through the hotline"),
    DEFECTOR_VOLUNTEERS("defector_volunteers", "defectors volunteering for a persuasion campaign"),
    LEAFLET_PROCEDURE_STEPS("leaflet_procedure_steps", "steps of the surrender procedure on leaflets"),
    HOST_RECRUITS_PER_MONTH("host_recruits_per_month", "host army recruits per month"),
    HOST_CASUALTIES_PER_DAY("host_casualties_per_day", "host army casualties per day, whole front"),
    HOST_CASUALTIES_PER_MONTH("host_casualties_per_month", "host army casualties per month, whole front"),
    REGIME_REVENUE_USD_PER_YEAR("regime_revenue_usd_per_year", "regime revenue from the deployment per year (USD)"),
    SELF_KILLED_IN_EVENT("self_killed_in_event", "soldiers who killed themselves in one engagement");

    /** How a quantity is compared with a run. */
    public enum Use {
        /** The sum of the metrics on the observation's date. */
        AT_DATE,
        /** The increase of the sum of the (cumulative) metrics over the scope's period, ending on the date. */
        INCREASE_OVER_PERIOD,
        /** No model output: evidence for a parameter, listed as ignored by a calibration. */
        PARAMETER_EVIDENCE
    }

    private static final Map<String, Quantity> BY_KEY = new HashMap<>();

    static {
        for (Quantity q : values()) {
            BY_KEY.put(q.key, q);
        }
    }

    private final String key;
    private final Use use;
    private final String description;
    private final List<Metric> metrics;

    Quantity(String key, Use use, String description, Metric... metrics) {
        this.key = key;
        this.use = use;
        this.description = description;
        this.metrics = List.of(metrics);
    }

    Quantity(String key, String description) {
        this(key, Use.PARAMETER_EVIDENCE, description);
    }

    /** @return the name written in the file's {@code quantity} column */
    public String key() { return key; }

    /** @return how the quantity is compared with a run */
    public Use use() { return use; }

    /** @return what it counts */
    public String description() { return description; }

    /** @return the metrics whose sum the quantity reports; empty for parameter evidence */
    public List<Metric> metrics() { return metrics; }

    /** @return whether a calibration compares it with a run */
    public boolean isCalibrationTarget() { return use != Use.PARAMETER_EVIDENCE; }

    /** @return whether the scope must name a period (e.g. "one week") */
    public boolean needsPeriod() { return use == Use.INCREASE_OVER_PERIOD; }

    /**
     * @param key a name as written in the file (exact, lower case)
     * @return the quantity, or null when unknown
     */
    public static Quantity byKey(String key) { return BY_KEY.get(key); }

    /** @return every known name, in declaration order (targets first) */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Quantity::key).toList();
    }
}
