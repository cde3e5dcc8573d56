package org.resolve.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.descriptive.Quantile;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;

/**
 * Collects each run's KPIs at the horizon and summarises them across the ensemble: median and the
 * 5-95% range (quantiles by the default, linear-interpolation estimator of Commons Statistics).
 */
public final class KpiSummary {
    /** The headline KPIs `resolve run` prints, in order. */
    public static final List<Metric> HEADLINE = List.of(Metric.KILLED, Metric.WOUNDED, Metric.CAPTURED,
            Metric.SURRENDERED, Metric.SELF_KILLED, Metric.DESERTED, Metric.ROTATED_HOME, Metric.REGIME_REVENUE_USD,
            Metric.FAMILIES_VALORISED, Metric.FAMILIES_PUNISHED);

    /** One KPI's summary. */
    public record Row(Metric metric, double median, double q05, double q95, double mean) {
    }

    private final Map<Metric, List<Double>> values = new LinkedHashMap<>();
    /** A run that failed: its index, the day it failed and why. */
    public record Failure(int runIndex, int failedDay, String error) {
    }

    private final List<Failure> failed = new ArrayList<>();

    /** @param r a run's result; its last-day values are recorded, or it is counted as failed */
    public void add(RunResult r) {
        if (!r.ok()) {
            failed.add(new Failure(r.runIndex(), r.failedDay(), r.error()));
            return;
        }
        for (Metric m : Metric.values()) {
            values.computeIfAbsent(m, k -> new ArrayList<>()).add(r.kpi(m));
        }
    }

    /**
     * Adds one completed run's KPI value (for summaries read back from a store).
     *
     * @param m the metric
     * @param value its value at the horizon
     */
    public void add(Metric m, double value) {
        values.computeIfAbsent(m, k -> new ArrayList<>()).add(value);
    }

    /** Counts a failed run (index, day and error only). */
    public void addFailed(int runIndex, int failedDay, String error) {
        failed.add(new Failure(runIndex, failedDay, error));
    }

    /** @return the runs that failed, in index order */
    public List<Failure> failed() {
        return failed;
    }

    /** @return the number of completed runs summarised */
    public int runs() {
        List<Double> v = values.get(Metric.KILLED);
        return v == null ? 0 : v.size();
    }

    /** @param m a metric @return its summary across runs */
    public Row row(Metric m) {
        double[] a = values.getOrDefault(m, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
        if (a.length == 0) {
            return new Row(m, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] q = Quantile.withDefaults().evaluate(a, 0.5, 0.05, 0.95);
        double sum = 0;
        for (double x : a) {
            sum += x;
        }
        return new Row(m, q[0], q[1], q[2], sum / a.length);
    }
}
