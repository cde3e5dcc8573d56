package org.resolve.core.engine;

/**
 * One replication's outputs: its parameter values and every metric on every day. A run that
 * failed keeps the days before the failure; from {@code failedDay} on its values are NaN.
 *
 * @param runIndex the replication index
 * @param seed the replication seed (derived from the root seed and the index)
 * @param parameters parameter values, by {@link org.resolve.core.model.Param#ordinal()}
 * @param series values by [metric ordinal][day]
 * @param failedDay the day the run failed, or -1 when it completed
 * @param error what went wrong, or null when it completed
 */
public record RunResult(int runIndex, long seed, double[] parameters, double[][] series, int failedDay, String error) implements java.io.Serializable {

    /** A completed run. */
    public RunResult(int runIndex, long seed, double[] parameters, double[][] series) {
        this(runIndex, seed, parameters, series, -1, null);
    }

    /**
     * A run that failed on {@code day}: values from that day on are set to NaN.
     *
     * @return the failed result
     */
    public static RunResult failed(int runIndex, long seed, double[] parameters, double[][] series, int day, Throwable error) {
        for (double[] s : series) {
            java.util.Arrays.fill(s, Math.min(Math.max(0, day), s.length), s.length, Double.NaN);
        }
        String msg = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return new RunResult(runIndex, seed, parameters, series, day, msg);
    }

    /** @return whether the run completed */
    public boolean ok() {
        return failedDay < 0;
    }

    /** @return the number of days with values (all days for a completed run) */
    public int daysRecorded() {
        return ok() ? days() : Math.max(0, failedDay);
    }

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
