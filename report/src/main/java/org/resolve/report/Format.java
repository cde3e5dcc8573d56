package org.resolve.report;

import java.util.Locale;
import org.resolve.core.engine.Metric;

/**
 * Numbers and units for people, the same way the command line prints them. No method prints
 * "Infinity" or "NaN": a missing value (NaN) is "n/a", an infinite one {@value #NOT_FINITE} (the
 * engines fail a run whose outputs are not finite, so neither should reach here from a run).
 */
public final class Format {
    /** How an infinite value is written. */
    public static final String NOT_FINITE = "not finite";

    private Format() {
    }

    /** @return "n/a" for NaN, {@link #NOT_FINITE} for an infinity, null for a finite number */
    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "n/a" : Double.isInfinite(v) ? NOT_FINITE : null;
    }

    /**
     * @param v a number
     * @return grouped thousands ("12,345"), millions as "24.9M", billions as "1.25B", small
     *     non-integers with one decimal, NaN as "n/a", an infinity as {@value #NOT_FINITE} (the rule
     *     of {@code resolve run}'s table)
     */
    public static String human(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        v += 0.0; // -0.0 prints as 0
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2fB", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 10 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return {@link #human} with a sign: "+12", "-3.5", "0" */
    public static String signed(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        return (v > 0 ? "+" : v < 0 ? "-" : "") + human(Math.abs(v));
    }

    /** @return a small number such as an index or a correlation with three decimals, larger ones by {@link #human} */
    public static String index(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        return Math.abs(v) >= 100 ? human(v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /** @return three significant digits, or grouped thousands at 1,000 and above */
    public static String sig(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * @param m a metric
     * @return the unit its values count in, for table headers
     */
    public static String unit(Metric m) {
        return switch (m) {
            case REGIME_REVENUE_USD, WAGES_USD, SOLDIER_EARNINGS_USD -> "US dollars";
            case FAMILIES_VALORISED, FAMILIES_HONOURED, FAMILIES_PUNISHED -> "families";
            case WOUNDED -> "woundings";
            case REACHED -> "contacts";
            case INTENSITY, EXCHANGE_RATIO, MEAN_DOUBT_FRONT, MEAN_EFFECTIVE_LOYALTY_FRONT, COMMUNICATION, WITHDRAWN -> "score";
            case FRIENDLY_FIRE_INCIDENTS -> "incidents";
            default -> "soldiers";
        };
    }

    /**
     * @param m a metric
     * @return a short phrase naming what it counts, for sentences and chart titles
     */
    public static String phrase(Metric m) {
        return switch (m) {
            case KILLED -> "soldiers killed (in action, of wounds or by their own hand)";
            case WOUNDED -> "woundings (a soldier wounded twice counts twice)";
            case CAPTURED -> "soldiers taken prisoner without surrendering";
            case SURRENDERED -> "soldiers who surrendered";
            case SELF_KILLED -> "soldiers who killed themselves to avoid capture";
            case DESERTED -> "soldiers who deserted";
            case ROTATED_HOME -> "soldiers rotated home at the end of their tour";
            case REPATRIATED_WOUNDED -> "soldiers sent home wounded";
            case REGIME_REVENUE_USD -> "US dollars of wages kept by the regime";
            case FAMILIES_VALORISED -> "families of the dead valorised by the regime";
            case FAMILIES_PUNISHED -> "families punished for a captured, surrendered or deserted soldier";
            case STATUS_FRONT -> "soldiers at the front";
            default -> m.description();
        };
    }
}
