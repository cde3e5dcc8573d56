package org.resolve.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Quantile;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;

/**
 * Fan charts of a few daily series while an ensemble runs: the first {@link #MAX_RUNS} completed
 * runs' series are kept (on at most {@link #MAX_POINTS} days), and a {@link #snapshot} gives, per
 * day, the median and the 50% and 90% bands across them (quantiles by the same estimator as the KPI
 * summary). Runs are independent draws, so the first {@link #MAX_RUNS} are a fair sample of all;
 * memory and the work of a snapshot stay bounded however many runs the ensemble has. Failed runs
 * are left out.
 */
final class Fan {
    /** The series drawn. */
    static final List<Metric> METRICS = List.of(Metric.KILLED, Metric.WOUNDED, Metric.SURRENDERED, Metric.IN_THEATRE,
            Metric.REGIME_REVENUE_USD);
    private static final double[] PROBS = {0.05, 0.25, 0.5, 0.75, 0.95};
    /** At most this many days are drawn (every k-th day and the last), which keeps updates light for the browser. */
    static final int MAX_POINTS = 150;
    /** At most this many completed runs are drawn: the first ones. */
    static final int MAX_RUNS = 2000;

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
     * @param capped whether more runs completed than are drawn (the first {@link #MAX_RUNS} are)
     * @param dates the dates of the days (ISO)
     * @param bands one per metric of {@link #METRICS}
     */
    record Snapshot(int runs, int total, boolean capped, List<String> dates, List<Band> bands) {
    }

    private final LocalDate start;
    private final int total;
    /** Per kept run: per metric, the values on the drawn days. */
    private final List<double[][]> runs = new ArrayList<>();
    /** The days drawn (indices into a run's series), fixed by the first completed run. */
    private int[] drawn;
    private boolean capped;

    /**
     * @param start the scenario's first day
     * @param total runs planned
     */
    Fan(LocalDate start, int total) {
        this.start = start;
        this.total = total;
    }

    /**
     * @param r a run's result; kept if it completed and fewer than {@link #MAX_RUNS} are kept
     * @return whether it was kept (and so the next snapshot differs)
     */
    synchronized boolean add(RunResult r) {
        if (!r.ok()) {
            return false;
        }
        if (runs.size() >= MAX_RUNS) {
            capped = true;
            return false;
        }
        if (drawn == null) {
            drawn = days(r.series()[METRICS.get(0).ordinal()].length);
        }
        double[][] kept = new double[METRICS.size()][drawn.length];
        for (int i = 0; i < kept.length; i++) {
            double[] series = r.series()[METRICS.get(i).ordinal()];
            for (int d = 0; d < drawn.length; d++) {
                kept[i][d] = series[drawn[d]];
            }
        }
        runs.add(kept);
        return true;
    }

    /** @return every k-th of {@code all} days and the last, at most {@link #MAX_POINTS} + 1 */
    private static int[] days(int all) {
        int step = Math.max(1, (all + MAX_POINTS - 1) / MAX_POINTS);
        List<Integer> out = new ArrayList<>();
        for (int d = 0; d < all; d += step) {
            out.add(d);
        }
        if (all > 0 && out.get(out.size() - 1) != all - 1) {
            out.add(all - 1);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return completed runs kept */
    synchronized int size() {
        return runs.size();
    }

    /** @return the bands over the runs kept so far (empty bands before the first run) */
    synchronized Snapshot snapshot() {
        int days = drawn == null ? 0 : drawn.length;
        List<String> dates = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            dates.add(start.plusDays(drawn[d]).toString());
        }
        Quantile q = Quantile.withDefaults();
        List<Band> bands = new ArrayList<>();
        double[] values = new double[runs.size()];
        for (int m = 0; m < METRICS.size(); m++) {
            double[][] out = new double[PROBS.length][days];
            for (int d = 0; d < days; d++) {
                for (int r = 0; r < values.length; r++) {
                    values[r] = runs.get(r)[m][d];
                }
                double[] qs = q.evaluate(values, PROBS); // evaluates a copy
                for (int k = 0; k < PROBS.length; k++) {
                    out[k][d] = qs[k];
                }
            }
            bands.add(new Band(METRICS.get(m).key(), METRICS.get(m).description(), out[0], out[1], out[2], out[3], out[4]));
        }
        return new Snapshot(runs.size(), total, capped, dates, bands);
    }
}
