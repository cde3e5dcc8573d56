package org.resolve.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Quantile;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;

/**
 * Fan charts of a few daily series while an ensemble runs: each completed run's series are kept,
 * and a {@link #snapshot} gives, per day, the median and the 50% and 90% bands across the runs so
 * far (quantiles by the same estimator as the KPI summary), on at most {@link #MAX_POINTS} days.
 * Failed runs are left out.
 */
final class Fan {
    /** The series drawn. */
    static final List<Metric> METRICS = List.of(Metric.KILLED, Metric.WOUNDED, Metric.SURRENDERED, Metric.IN_THEATRE,
            Metric.REGIME_REVENUE_USD);
    private static final double[] PROBS = {0.05, 0.25, 0.5, 0.75, 0.95};
    /** At most this many days are drawn (every k-th day and the last), which keeps updates light for the browser. */
    static final int MAX_POINTS = 150;

    /**
     * One series' bands.
     *
     * @param metric the metric key
     * @param description what it counts
     * @param p05 5% quantile by day
     * @param p25 25% quantile by day
     * @param p50 median by day
     * @param p75 75% quantile by day
     * @param p95 95% quantile by day
     */
    record Band(String metric, String description, double[] p05, double[] p25, double[] p50, double[] p75, double[] p95) {
    }

    /**
     * The fan charts after some runs.
     *
     * @param runs completed runs drawn
     * @param total runs planned
     * @param dates the dates of the days (ISO)
     * @param bands one per metric of {@link #METRICS}
     */
    record Snapshot(int runs, int total, List<String> dates, List<Band> bands) {
    }

    private final LocalDate start;
    private final int total;
    private final List<double[][]> runs = new ArrayList<>();

    /**
     * @param start the scenario's first day
     * @param total runs planned
     */
    Fan(LocalDate start, int total) {
        this.start = start;
        this.total = total;
    }

    /** @param r a run's result; kept if it completed */
    synchronized void add(RunResult r) {
        if (!r.ok()) {
            return;
        }
        double[][] kept = new double[METRICS.size()][];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = r.series()[METRICS.get(i).ordinal()].clone();
        }
        runs.add(kept);
    }

    /** @return completed runs kept */
    synchronized int size() {
        return runs.size();
    }

    /** @return the bands over the runs so far (empty bands before the first run) */
    synchronized Snapshot snapshot() {
        int all = runs.isEmpty() ? 0 : runs.get(0)[0].length;
        int step = Math.max(1, (all + MAX_POINTS - 1) / MAX_POINTS);
        List<Integer> drawn = new ArrayList<>();
        for (int d = 0; d < all; d += step) {
            drawn.add(d);
        }
        if (all > 0 && drawn.get(drawn.size() - 1) != all - 1) {
            drawn.add(all - 1);
        }
        int days = drawn.size();
        List<String> dates = new ArrayList<>(days);
        for (int d : drawn) {
            dates.add(start.plusDays(d).toString());
        }
        Quantile q = Quantile.withDefaults();
        List<Band> bands = new ArrayList<>();
        double[] values = new double[runs.size()];
        for (int m = 0; m < METRICS.size(); m++) {
            double[][] out = new double[PROBS.length][days];
            for (int d = 0; d < days; d++) {
                int day = drawn.get(d);
                for (int r = 0; r < values.length; r++) {
                    values[r] = runs.get(r)[m][day];
                }
                double[] qs = q.evaluate(values, PROBS); // evaluates a copy
                for (int k = 0; k < PROBS.length; k++) {
                    out[k][d] = qs[k];
                }
            }
            bands.add(new Band(METRICS.get(m).key(), METRICS.get(m).description(), out[0], out[1], out[2], out[3], out[4]));
        }
        return new Snapshot(runs.size(), total, dates, bands);
    }
}
