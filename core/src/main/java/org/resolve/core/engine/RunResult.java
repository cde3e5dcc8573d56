package org.resolve.core.engine;

/**
 * One replication's outputs: its parameter values and every metric on every day.
 *
 * @param runIndex the replication index
 * @param seed the replication seed (derived from the root seed and the index)
 * @param parameters parameter values, by {@link org.resolve.core.model.Param#ordinal()}
 * @param series values by [metric ordinal][day]
 */
public record RunResult(int runIndex, long seed, double[] parameters, double[][] series) {

    /** @return the number of days recorded */
    public int days() {
        return series[0].length;
    }

    /** @param m a metric @param day a day @return its value */
    public double value(Metric m, int day) {
        return series[m.ordinal()][day];
    }

    /** @param m a metric @return its value on the last day (the KPI at the horizon) */
    public double kpi(Metric m) {
        double[] s = series[m.ordinal()];
        return s[s.length - 1];
    }
}
